package se.samlyft.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a submitted form, in the person's language: messages about the form as a whole, and one message
 * per field, keyed by the form's own field name, which the template shows at the field and in the summary at the top.
 */
public final class FormErrors {

    private final List<String> general = new ArrayList<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors general(String message) {
        general.add(message);
        return this;
    }

    /** Adds the field's message unless it has one already (the first problem of a field is the one shown). */
    public FormErrors field(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !general.isEmpty() || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public @Nullable String of(String field) {
        return fields.get(field);
    }

    public List<String> general() {
        return List.copyOf(general);
    }

    /** The fields with a problem and their messages, in the order of the problems. */
    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    /** The fields in the order their problems came, for the summary's links. */
    public List<Map.Entry<String, String>> fieldList() {
        return List.copyOf(fields.entrySet());
    }
}
