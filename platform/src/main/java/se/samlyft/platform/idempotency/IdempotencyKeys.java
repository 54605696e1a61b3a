package se.samlyft.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
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

    /** Whether the request is one whose key counts: a POST that names one. */
    public static boolean appliesTo(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getHeader(HEADER) != null;
    }

    /**
     * Answers the request with the 400 problem if its key is not well-formed, and says whether it did; a request
     * without a key, or with a well-formed one, is left alone.
     */
    public static boolean refusedIfMalformed(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty() || values.size() == 1 && isWellFormed(values.getFirst())) {
            return false;
        }
        ProblemResponses.write(request, response, ProblemResponses.invalidField(HEADER, MESSAGE));
        return true;
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
