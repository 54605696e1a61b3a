package se.samlyft.web.page;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import se.samlyft.web.api.ApiProblem;

/**
 * Turns an API's problem into what the person reads, in their language: each invalid field's message at the form's
 * own field (the APIs name fields in English, {@code reason}; a form may call it otherwise), and for the request as a
 * whole a message chosen by the status and, for a conflict, by what the API said happened. The API's own English
 * detail is never shown; the messages are in the bundles under {@code problem.*}.
 */
@Component
public class ProblemMessages {

    /** Conflicts the person can do something about, recognised by the API's detail, with their message keys. */
    private static final List<Map.Entry<Pattern, String>> CONFLICTS = List.of(
            Map.entry(Pattern.compile("enrolled on this offering already"), "problem.conflict.already-enrolled"),
            Map.entry(Pattern.compile("^Enrolment opens at"), "problem.conflict.not-open-yet"),
            Map.entry(Pattern.compile("^Enrolment closed at"), "problem.conflict.closed"),
            Map.entry(Pattern.compile("offering is cancelled"), "problem.conflict.cancelled"),
            Map.entry(Pattern.compile("no longer works for the organisation"), "problem.conflict.left"),
            Map.entry(Pattern.compile("^The course starts at"), "problem.conflict.not-started"),
            Map.entry(Pattern.compile("paused; resume it first"), "problem.conflict.paused"),
            Map.entry(Pattern.compile("confirmed already with these hours"), "problem.conflict.same-hours"),
            Map.entry(Pattern.compile("evaluated already"), "problem.conflict.evaluated"));

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The problem's messages, with the API's field names translated by {@code formFields} where they differ. */
    public FormErrors of(ApiProblem problem, Map<String, String> formFields) {
        return of(problem, field -> formFields.getOrDefault(field, field));
    }

    /**
     * The problem's messages, each at the form field {@code formField} names for the API's field (which may carry an
     * index, {@code modules[2].title}); the message is the bundle's for the field without its indexes.
     */
    public FormErrors of(ApiProblem problem, java.util.function.UnaryOperator<String> formField) {
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldProblem field : problem.fields()) {
            if (field.field() == null) {
                errors.general(message("problem.invalid"));
            } else {
                errors.field(
                        formField.apply(field.field()),
                        messages.getMessage(
                                "problem.field." + field.field().replaceAll("\\[[0-9]+]", ""),
                                null,
                                message("problem.field.invalid"),
                                LocaleContextHolder.getLocale()));
            }
        }
        if (problem.fields().isEmpty()) {
            errors.general(message(generalKey(problem)));
        }
        return errors;
    }

    public FormErrors of(ApiProblem problem) {
        return of(problem, Map.of());
    }

    /** The message key of a problem about the request as a whole. */
    static String generalKey(ApiProblem problem) {
        if (problem.isTemporary()) {
            return "problem.try-again";
        }
        return switch (problem.status()) {
            case 400 -> "problem.invalid";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.not-found";
            case 409 ->
                CONFLICTS.stream()
                        .filter(conflict ->
                                conflict.getKey().matcher(problem.detail()).find())
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse("problem.conflict");
            case 412 -> "problem.stale";
            default -> "problem.unexpected";
        };
    }

    /** A message of the bundles in the page's language. */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** A message of the bundles, or {@code fallback} when the bundles have none for the key. */
    public String messageOr(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
