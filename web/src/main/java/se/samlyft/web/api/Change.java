package se.samlyft.web.api;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What makes a change safe to send: the {@code Idempotency-Key} of the form it comes from (one per rendering of the
 * form, so a double submit is one request), and the {@code If-Match} version the page showed, when it changes an
 * object read before.
 *
 * @param idempotencyKey the form's key
 * @param version the version the page showed, sent as the ETag {@code "<version>"}
 */
public record Change(String idempotencyKey, @Nullable Long version) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    public Change {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("An idempotency key is 8 to 64 letters, digits and dashes");
        }
    }

    /**
     * The change of a submitted form: its key, or a new one when the form sent none or a malformed one (a request
     * made by hand); and the version it showed.
     */
    public static Change of(@Nullable String formKey, @Nullable Long version) {
        String key = formKey != null && KEY.matcher(formKey).matches()
                ? formKey
                : UUID.randomUUID().toString();
        return new Change(key, version);
    }

    /** A new key for a form about to be shown. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    @Nullable
    String ifMatch() {
        return version == null ? null : "\"" + version + "\"";
    }
}
