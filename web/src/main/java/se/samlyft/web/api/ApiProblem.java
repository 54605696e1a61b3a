package se.samlyft.web.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An API's refusal or failure as the web application received it: the RFC 9457 problem's status, detail and invalid
 * fields, how long to wait when the answer was 429 or 503, and the correlation id to quote to support. A gateway that
 * could not be reached at all is a 503 too.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String detail;
    private final List<FieldProblem> fields;
    private final @Nullable Duration retryAfter;
    private final @Nullable String correlationId;
    private final transient @Nullable JsonNode document;

    /** One invalid field: its name as the API has it, and the API's (English) message. */
    public record FieldProblem(@Nullable String field, String message) {}

    public ApiProblem(
            int status,
            String detail,
            List<FieldProblem> fields,
            @Nullable Duration retryAfter,
            @Nullable String correlationId) {
        this(status, detail, fields, retryAfter, correlationId, null);
    }

    public ApiProblem(
            int status,
            String detail,
            List<FieldProblem> fields,
            @Nullable Duration retryAfter,
            @Nullable String correlationId,
            @Nullable JsonNode document) {
        super(status + " " + detail);
        this.status = status;
        this.detail = detail;
        this.fields = List.copyOf(fields);
        this.retryAfter = retryAfter;
        this.correlationId = correlationId;
        this.document = document;
    }

    /** The problem document as the API sent it, for the members a page reads beyond the detail (a report). */
    public Optional<JsonNode> document() {
        return Optional.ofNullable(document);
    }

    /** No answer from the gateway at all: nothing was done, and trying again later may work. */
    static ApiProblem unreachable(String what) {
        return new ApiProblem(503, "No answer from " + what, List.of(), null, null);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /** Whether the platform was busy or a service down: the person should try again shortly. */
    public boolean isTemporary() {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
