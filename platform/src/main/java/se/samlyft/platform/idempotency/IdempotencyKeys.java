package se.samlyft.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import se.samlyft.platform.problem.web.ProblemResponses;

/**
 * What an {@code Idempotency-Key} may be, the same at the gateway and at every service: one value of 1 to 255 visible
 * ASCII characters, optionally quoted as a structured-field string. Anything else is refused with the same 400
 * problem wherever it arrives, so that a key means the same bytes everywhere: a key that a hop might re-encode (a
 * non-ASCII one becomes question marks in an HTTP/1.1 client) never reaches a service at all.
 */
public final class IdempotencyKeys {

    /** The request header that names the key. */
    public static final String HEADER = "Idempotency-Key";

    static final String MESSAGE = "must be one value of 1 to 255 visible ASCII characters, such as a UUID";

    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {}

    /** The request's key without quotes, or the 400 problem when it has a key that is not well-formed. */
    public static Optional<ProblemDetail> problemOf(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty() || values.size() == 1 && isWellFormed(values.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.invalidField(HEADER, MESSAGE));
    }

    /** A key sent as a structured-field string ({@code "..."}), as the IETF draft has it, counts without quotes. */
    static String unquoted(String value) {
        String trimmed = value.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }

    static boolean isWellFormed(String value) {
        return WELL_FORMED.matcher(unquoted(value)).matches();
    }
}
