package se.samlyft.platform.problem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import se.samlyft.platform.web.CorrelationIdFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problems where Spring MVC does not: in servlet filters, in Spring Security's handlers and on the error page.
 * Each problem is {@code application/problem+json}, serialised as Spring MVC serialises {@link ProblemDetail}, and
 * carries the request's correlation id as the property {@value #CORRELATION_ID}.
 */
public final class ProblemResponses {

    /** The property of every problem that holds the request's correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    /** The property of a 400 problem that lists each invalid field as {@code {field, message}}. */
    public static final String ERRORS = "errors";

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemResponses() {}

    /** A problem of {@code status} with {@code detail} and the standard title of the status. */
    public static ProblemDetail problem(int status, String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
    }

    /**
     * A 400 problem whose {@value #ERRORS} names one invalid {@code field} (none for the request as a whole) and what is
     * wrong with it.
     */
    public static ProblemDetail invalidField(@Nullable String field, String message) {
        return new InvalidFields().add(field, message).problem();
    }

    /**
     * Answers with {@code problem}: its status, {@code application/problem+json}, the request path as its instance
     * unless it names one, and the correlation id.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(pathOf(request.getRequestURI()));
        }
        addCorrelationId(problem, response);
        byte[] body = bytesOf(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The problem as its JSON body, serialised as Spring MVC serialises it. */
    static byte[] bytesOf(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    /**
     * Adds the correlation id of the request being served to {@code problem}: from the logging context while the
     * request runs, else from the response header that {@link CorrelationIdFilter} set.
     */
    public static void addCorrelationId(ProblemDetail problem, @Nullable HttpServletResponse response) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId == null && response != null) {
            correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        }
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
    }

    static @Nullable URI pathOf(@Nullable String requestUri) {
        if (requestUri == null) {
            return null;
        }
        try {
            return URI.create(requestUri);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
