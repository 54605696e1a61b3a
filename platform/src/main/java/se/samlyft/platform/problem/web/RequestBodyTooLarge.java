package se.samlyft.platform.problem.web;

import java.io.IOException;
import org.springframework.http.ProblemDetail;

/**
 * Thrown while reading a request body that grows past the limit of {@link RequestSizeLimitFilter}; wherever it
 * surfaces, the request is answered with 413.
 */
public class RequestBodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit, in bytes. */
    public long limit() {
        return limit;
    }

    /** The 413 problem the client gets. */
    public ProblemDetail problem() {
        return problem(limit);
    }

    /** The 413 problem for a body larger than {@code limit} bytes. */
    public static ProblemDetail problem(long limit) {
        return ProblemResponses.problem(
                413, "The request body is larger than the " + limit + " bytes this service accepts.");
    }
}
