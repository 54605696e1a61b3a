package se.samlyft.platform.problem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.platform.problem.testapp.ProblemAssertions.assertProblem;
import static se.samlyft.platform.problem.testapp.ProblemAssertions.errorsOf;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samlyft.platform.problem.testapp.AgainstTestApplication;
import se.samlyft.testsupport.TestTokens;

@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest extends AgainstTestApplication {

    private final String token = tokenOf("arvidsjaur-samordnare", ARVIDSJAUR);

    @Test
    void namesEachInvalidFieldInEnglishWhateverLanguageTheClientAsksFor() {
        var response = http.send(post("/api/test/courses", token, """
                        {"title": "  ", "hours": -3}""")
                .header("Accept-Language", "de-DE")
                .header("X-Correlation-Id", "problem-test-0001")
                .build());

        assertProblem(response, 400);
        assertThat(errorsOf(response))
                .containsExactlyInAnyOrder(
                        "title: must not be blank", "hours: must be greater than 0", "starts: must not be null");
        assertThat(response.json().path("correlationId").asString()).isEqualTo("problem-test-0001");
        assertThat(response.json().path("instance").asString()).isEqualTo("/api/test/courses");
    }

    @Test
    void namesTheParameterThatAnApplicationServiceRefused() {
        var response = http.send(http.request("/api/test/drafts", token)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("Överlång titel på en kurs om välfärdsteknik i hemtjänsten"))
                .build());

        assertProblem(response, 400);
        assertThat(errorsOf(response)).containsExactly("title: size must be between 0 and 40");
    }

    @Test
    void answersMalformedJsonWith400ThatSaysWhere() {
        var response = http.send(post("/api/test/courses", token, "{\"title\": \"Lågaffektivt bemötande\", \"hours\": ")
                .build());

        assertProblem(response, 400);
        assertThat(response.json().path("detail").asString())
                .startsWith("The request body is not well-formed JSON")
                .contains("line 1");
    }

    @Test
    void refusesTextWithANulCharacterWith400NamingTheFieldBeforeItReachesTheDatabase() {
        var inBody = http.send(post("/api/test/courses", token, """
                        {"title": "Lågaffektivt\\u0000bemötande", "hours": 3, "starts": "2026-09-01"}""").build());
        var inQuery = http.get("/api/test/courses?limit=5%00", token);

        assertProblem(inBody, 400);
        assertThat(errorsOf(inBody)).containsExactly("title: must not contain the NUL character (U+0000)");
        assertProblem(inQuery, 400);
        assertThat(errorsOf(inQuery)).containsExactly("limit: must not contain the NUL character (U+0000)");
    }

    @Test
    void answersJsonOfTheWrongShapeWith400() {
        var response = http.send(
                post("/api/test/courses", token, "[\"Lågaffektivt bemötande\"]").build());

        assertProblem(response, 400);
        assertThat(response.json().path("detail").asString()).contains("not of the shape");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
        var response = http.send(post("/api/test/courses", token, """
                        {"title": "Förflyttningsteknik", "hours": "många", "starts": "2026-09-01"}""").build());

        assertProblem(response, 400);
        assertThat(errorsOf(response)).containsExactly("hours: has the wrong type or format");
    }

    @Test
    void namesAnInvalidQueryParameter() {
        var response = http.get("/api/test/courses?limit=0", token);

        assertProblem(response, 400);
        assertThat(errorsOf(response)).containsExactly("limit: must be greater than or equal to 1");
    }

    @Test
    void namesAPathVariableOfTheWrongType() {
        var response = http.get("/api/test/courses/inte-ett-id", token);

        assertProblem(response, 400);
        assertThat(errorsOf(response)).containsExactly("id: has the wrong type or format");
    }

    @Test
    void answersABodyOfAnUnsupportedContentTypeWith415() {
        var response = http.send(http.request("/api/test/courses", token)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("Lågaffektivt bemötande", StandardCharsets.UTF_8))
                .build());

        assertProblem(response, 415);
        assertThat(response.header("Accept")).contains("application/json");
        assertThat(response.json().path("detail").asString())
                .startsWith("This address does not accept a body of this content type; send application/json")
                .doesNotContain("text/plain", "Content-Type '");
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        var response = http.send(
                post("/api/test/courses", token, course("Ö".repeat(10_000), 8)).build());

        assertProblem(response, 413);
        assertThat(response.json().path("detail").asString()).contains("16384 bytes");
    }

    @Test
    void refusesAStreamedBodyThatGrowsOverTheLimitWith413() {
        byte[] body = course("Å".repeat(10_000), 8).getBytes(StandardCharsets.UTF_8);
        var response = http.send(http.request("/api/test/courses", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertProblem(response, 413);
    }

    @Test
    void answersAnUnknownCourseAndACourseOfAnotherTenantAlikeWith404() {
        String ofMala = http.send(
                        post("/api/test/courses", tokenOf("mala-samordnare", MALA), course("Välfärdsteknik", 4))
                                .build())
                .json()
                .path("id")
                .asString();

        var otherTenants = http.get("/api/test/courses/" + ofMala, token);
        var unknown = http.get("/api/test/courses/" + UUID.randomUUID(), token);

        assertProblem(otherTenants, 404);
        assertProblem(unknown, 404);
        assertThat(otherTenants.json().path("detail").asString()).isEqualTo("No course " + ofMala + " exists.");
    }

    @Test
    void answersAnUnknownPathWith404InItsOwnWordsNotTheFrameworks() {
        var response = http.get("/api/test/nothing-here", token);

        assertProblem(response, 404);
        assertThat(response.json().path("detail").asString()).isEqualTo("There is nothing at this address.");
        assertThat(response.body()).doesNotContain("static resource", "nothing-here.");
    }

    @Test
    void answersAMethodTheAddressDoesNotTakeWith405AndNamesTheOnesItDoes() {
        var response =
                http.send(http.request("/api/test/courses", token).DELETE().build());

        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET", "POST");
        assertThat(response.json().path("detail").asString())
                .startsWith("This address does not accept DELETE; it accepts ")
                .contains("GET", "POST")
                .doesNotContain("Request method");
    }

    @Test
    void answersAStateThatForbidsTheChangeWith409() {
        String id = http.send(post("/api/test/courses", token, course("Munhälsa i äldreomsorgen", 3))
                        .build())
                .json()
                .path("id")
                .asString();
        String publication = "/api/test/courses/" + id + "/publication";

        var first = http.send(post(publication, token, "{}").build());
        var second = http.send(post(publication, token, "{}").build());

        assertThat(first.status()).isEqualTo(200);
        assertProblem(second, 409);
        assertThat(second.json().path("detail").asString()).contains("Munhälsa i äldreomsorgen");
    }

    @Test
    void answersARequestWithoutATokenWith401AndKeepsWwwAuthenticate() {
        var response = http.get("/api/test/courses", null);

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void answersATokenOfAnotherIssuerWith401ThatNamesTheTokenInvalid() {
        String foreign = TestTokens.get()
                .token()
                .username("arvidsjaur-samordnare")
                .organization(ARVIDSJAUR)
                .signedByForeignKey()
                .sign();

        var response = http.get("/api/test/courses", foreign);

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void answersACallerWithoutTheRoleWith403() {
        var response = http.get("/api/test/administration", token);

        assertProblem(response, 403);
        assertThat(response.header("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(response.body()).doesNotContain("hemligt");
    }

    @Test
    void answersARefusalOfThePermissionPolicyWith403ThatNamesTheRule() {
        var response = http.get("/api/test/budget", token);

        assertProblem(response, 403);
        assertThat(response.header("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(response.json().path("detail").asString())
                .isEqualTo("Only a platform administrator may read the budget.");
        assertThat(response.body()).doesNotContain("hemligt");
    }

    @Test
    void answersAnUnexpectedFailureWith500WithoutInternalsAndLogsItWithTheCorrelationId(CapturedOutput output) {
        var response = http.send(http.request("/api/test/failure", token)
                .header("X-Correlation-Id", "problem-test-0500")
                .build());

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("db-intern", "catalog_app", "IllegalStateException");
        assertThat(response.json().path("correlationId").asString()).isEqualTo("problem-test-0500");
        assertThat(output.getAll())
                .contains("[problem-test-0500]")
                .contains("java.lang.IllegalStateException: Connection to db-intern.samlyft.local:5432 refused");
    }

    @Test
    void answersAnAddressThatTheFirewallRejectsWithAProblemFromTheErrorPage() {
        var response = http.get("/api/test/courses;jsessionid=abc", token);

        assertProblem(response, 400);
    }

    @Test
    void answersADirectCallOfTheErrorPageWith404() {
        assertProblem(http.get("/error", null), 404);
    }
}
