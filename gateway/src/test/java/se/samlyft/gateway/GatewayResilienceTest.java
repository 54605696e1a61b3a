package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * A service that is stopped, slow or failing gives a quick problem, never a hang, and the other routes keep
 * answering; a body over the size limit never reaches a service.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayResilienceTest extends GatewayTestBase {

    /** Far below the time a hanging call would take, far above what the gateway needs on a loaded build machine. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    private static final int ONE_MEGABYTE = 1024 * 1024;

    @Test
    void answersAStoppedServiceWithAQuickServiceUnavailableWhileOtherRoutesAnswer(CapturedOutput output) {
        String token = TestTokens.get().forUser("solleftea-samordnare", "solleftea", "coordinator");

        TestHttp.Response stopped = timed(() -> http.get("/api/archive/documents?personnummer=194107086995", token));

        assertProblem(stopped, 503);
        assertThat(stopped.json().get("detail").asString()).contains("archive");
        assertThat(http.get("/api/catalog/courses", token).status()).isEqualTo(200);
        assertThat(output.getOut())
                .contains("The archive service cannot be reached")
                .doesNotContain("194107086995");
    }

    @Test
    void answersASlowServiceWithAGatewayTimeoutThenOpensItsCircuit() {
        String token = TestTokens.get().forUser("norsjo-samordnare", "norsjo", "coordinator");

        for (int i = 0; i < 4; i++) {
            assertProblem(timed(() -> http.get("/api/slow/reports", token)), 504);
        }
        TestHttp.Response open = timed(() -> http.get("/api/slow/reports", token));

        assertProblem(open, 503);
        assertThat(open.header("Retry-After")).isEqualTo("60");
        assertThat(SLOW.received()).hasSize(4);
        assertThat(http.get("/api/reports/participation", token).body()).isEqualTo("reporting");
    }

    @Test
    void cutsOffAnAnswerThatStallsHalfwayInsteadOfHanging() {
        String token = TestTokens.get().forUser("stromsund-samordnare", "stromsund", "coordinator");

        TestHttp.Response cutOff = timed(() -> http.get("/api/stalling/reports", token));

        assertProblem(cutOff, 504);
        assertThat(cutOff.json().get("detail").asString()).contains("stalling");
        assertThat(cutOff.header("X-Correlation-Id"))
                .isEqualTo(cutOff.json().get("correlationId").asString());
        assertThat(STALLING.received()).hasSize(1);
    }

    @Test
    void refusesAnOversizedBodyBeforeItReachesAService() {
        String token = TestTokens.get().forUser("lycksele-samordnare", "lycksele", "coordinator");
        byte[] body = new byte[ONE_MEGABYTE + 1];

        TestHttp.Response withLength = http.send(http.request("/api/catalog/courses", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertProblem(withLength, 413);
        assertThat(CATALOG_1.received()).isEmpty();
        assertThat(CATALOG_2.received()).isEmpty();
    }

    @Test
    void theHrImportTakesItsTwentyMegabytesWhileEveryOtherRouteKeepsTheSmallLimit() {
        String token = TestTokens.get().forUser("lycksele-samordnare", "lycksele", "coordinator");
        byte[] file = new byte[5 * ONE_MEGABYTE];
        java.util.Arrays.fill(file, (byte) 'a');

        TestHttp.Response imported = http.send(http.request("/api/identity/imports?dryRun=true", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build());
        TestHttp.Response person = http.send(http.request("/api/identity/people", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build());
        TestHttp.Response tooLargeEvenThere = http.send(http.request("/api/identity/imports", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * ONE_MEGABYTE + 1]))
                .build());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertProblem(person, 413);
        assertProblem(tooLargeEvenThere, 413);
        assertThat(IDENTITY.received()).singleElement().satisfies(received -> {
            assertThat(received.path()).isEqualTo("/api/identity/imports");
            assertThat(received.bodyBytes()).isEqualTo(file.length);
        });
    }

    @Test
    void refusesAnOversizedBodyWithoutALengthWhileItStreams() {
        String token = TestTokens.get().forUser("lycksele-chef", "lycksele", "manager");
        byte[] body = new byte[ONE_MEGABYTE + 1];

        TestHttp.Response chunked = http.send(http.request("/api/enrolments", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertProblem(chunked, 413);
        assertThat(ENROLMENT.received())
                .allSatisfy(received -> assertThat(received.bodyBytes()).isLessThanOrEqualTo(ONE_MEGABYTE));
    }

    private static TestHttp.Response timed(Supplier<TestHttp.Response> call) {
        long started = System.nanoTime();
        TestHttp.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
        return response;
    }

    private static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().has("correlationId")).isTrue();
    }
}
