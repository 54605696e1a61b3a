package se.samlyft.platform.problem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.platform.problem.testapp.ProblemAssertions.assertProblem;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.testapp.AgainstTestApplication;
import se.samlyft.testsupport.TestHttp;

class OptimisticConcurrencyTest extends AgainstTestApplication {

    private final String token = tokenOf("arvidsjaur-samordnare", ARVIDSJAUR);
    private String course = "";

    @BeforeEach
    void createACourse() {
        course = http.send(post("/api/test/courses", token, course("Basal hygien i vård och omsorg", 2))
                        .build())
                .header("Location");
    }

    @Test
    void answersACourseWithItsVersionAsAStrongETag() {
        var response = http.get(course, token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void updatesTheVersionNamedInIfMatchAndAnswersTheNextETag() {
        var response = put(course("Basal hygien – fördjupning", 3), "\"1\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        assertThat(response.json().path("title").asString()).isEqualTo("Basal hygien – fördjupning");
    }

    @Test
    void refusesAnUpdateOfAVersionThatAnotherUpdateReplacedWith412() {
        put(course("Basal hygien, vår", 3), "\"1\"");

        var stale = put(course("Basal hygien, höst", 4), "\"1\"");

        assertProblem(stale, 412);
        assertThat(http.get(course, token).json().path("title").asString()).isEqualTo("Basal hygien, vår");
    }

    @Test
    void refusesAnUpdateWithoutIfMatchWith428() {
        var response = put(course("Basal hygien utan version", 3), null);

        assertProblem(response, 428);
        assertThat(http.get(course, token).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void namesIfMatchWhenItIsNoEntityTag() {
        var response = put(course("Basal hygien", 3), "1");

        assertProblem(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("If-Match");
    }

    private TestHttp.Response put(String json, @Nullable String ifMatch) {
        HttpRequest.Builder request = http.request(course, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build());
    }
}
