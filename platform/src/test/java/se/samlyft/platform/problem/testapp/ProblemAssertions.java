package se.samlyft.platform.problem.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/** What every error of every service must be, asserted on a response. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /**
     * A problem of {@code status}: {@code application/problem+json} with status, title and detail, the correlation id
     * of the response, and no stack trace or exception name.
     */
    public static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("correlationId").asString())
                .isNotBlank()
                .isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "trace");
    }

    /** The {@code errors} of a problem as {@code "field: message"}. */
    public static List<String> errorsOf(TestHttp.Response response) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            errors.add(error.path("field").asString() + ": "
                    + error.path("message").asString());
        }
        return errors;
    }
}
