package se.samlyft.platform.problem.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Collects what is wrong with each field of a request into the {@value ProblemResponses#ERRORS} property of a 400
 * problem: a list of {@code {"field": ..., "message": ...}}, without {@code field} for a rule of the whole request.
 */
final class InvalidFields {

    static final String DETAIL = "The request is not valid: errors names each field and what is wrong with it.";

    private final List<Map<String, String>> errors = new ArrayList<>();

    InvalidFields add(@Nullable String field, @Nullable String message) {
        Map<String, String> error = new LinkedHashMap<>();
        if (field != null && !field.isBlank()) {
            error.put("field", field);
        }
        error.put("message", message == null || message.isBlank() ? "is not valid" : message);
        errors.add(error);
        return this;
    }

    ProblemDetail problem() {
        return problem(DETAIL);
    }

    ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty(ProblemResponses.ERRORS, List.copyOf(errors));
        return problem;
    }
}
