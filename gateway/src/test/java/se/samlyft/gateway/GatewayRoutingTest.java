package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samlyft.testsupport.TestTokens;

/** Routing: each API to its service, spread over the service's instances, with correlation id and trace context. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest extends GatewayTestBase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void routesEachApiToItsServiceWithTheCallersToken() {
        String token = TestTokens.get().forUser("arvidsjaur-deltagare-1", "arvidsjaur", "participant");

        assertThat(http.get("/api/identity/me", token).body()).isEqualTo("identity");
        assertThat(http.get("/api/catalog/courses", token).body()).isEqualTo("catalog");
        assertThat(http.get("/api/enrolments", token).body()).isEqualTo("enrolment");
        assertThat(http.get("/api/reports/participation", token).body()).isEqualTo("reporting");

        assertThat(receivedByAll())
                .extracting(StandInService.Received::path)
                .containsExactlyInAnyOrder(
                        "/api/identity/me", "/api/catalog/courses", "/api/enrolments", "/api/reports/participation");
        assertThat(receivedByAll())
                .extracting(received -> received.header("Authorization"))
                .containsOnly("Bearer " + token);
    }

    @Test
    void spreadsRequestsOverTheInstancesOfAService() {
        String token = TestTokens.get().forUser("arjeplog-samordnare", "arjeplog", "coordinator");

        IntStream.range(0, 4)
                .forEach(i -> assertThat(http.get("/api/catalog/courses", token).status())
                        .isEqualTo(200));

        assertThat(CATALOG_1.received()).hasSize(2);
        assertThat(CATALOG_2.received()).hasSize(2);
    }

    @Test
    void skipsAStoppedInstanceWhileAnotherOneAnswers() {
        String token = TestTokens.get().forUser("asele-samordnare", "asele", "coordinator");

        IntStream.range(0, 4)
                .forEach(i ->
                        assertThat(http.get("/api/identity/me", token).body()).isEqualTo("identity"));

        assertThat(IDENTITY.received()).hasSize(4);
    }

    @Test
    void asksEachInstanceWhetherItIsReadyOnItsManagementPort() {
        String token = TestTokens.get().forUser("storuman-samordnare", "storuman", "coordinator");

        IntStream.range(0, 4)
                .forEach(i ->
                        assertThat(http.get("/api/ward/rooms", token).body()).isEqualTo("ward"));

        assertThat(WARD_READY_ON_MANAGEMENT_PORT.received()).hasSize(4);
        assertThat(WARD_MANAGEMENT_PORT_DOWN.received())
                .as("ready on its API port, but its management port does not answer")
                .isEmpty();
    }

    @Test
    void sendsNothingToAnInstanceThatIsNotReady() {
        String token = TestTokens.get().forUser("sorsele-samordnare", "sorsele", "coordinator");

        IntStream.range(0, 4)
                .forEach(i ->
                        assertThat(http.get("/api/library/loans", token).body()).isEqualTo("library"));

        assertThat(LIBRARY.received()).hasSize(4);
        assertThat(LIBRARY_STARTING.received()).isEmpty();
    }

    @Test
    void passesTheCorrelationIdOnToTheService() {
        String token = TestTokens.get().forUser("mala-chef", "mala", "manager");

        var response = http.send(http.request("/api/enrolments", token)
                .header("X-Correlation-Id", "samlyft-gateway-42")
                .build());

        assertThat(response.raw().headers().allValues("X-Correlation-Id")).containsExactly("samlyft-gateway-42");
        assertThat(ENROLMENT.received())
                .extracting(received -> received.header("X-Correlation-Id"))
                .containsExactly("samlyft-gateway-42");
    }

    @Test
    void continuesTheCallersTraceTowardsTheService() {
        String token = TestTokens.get().forUser("mala-deltagare-1", "mala", "participant");

        http.send(http.request("/api/reports/participation", token)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .build());
        http.get("/api/reports/participation", token);

        assertThat(REPORTING.received()).hasSize(2);
        String continued = REPORTING.received().get(0).header("traceparent");
        String started = REPORTING.received().get(1).header("traceparent");
        assertThat(continued)
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .as("the gateway's own span is the parent")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID);
    }

    @Test
    void logsEachRequestUnderItsCorrelationIdWithoutTheTokenOrQuery(CapturedOutput output) {
        String token = TestTokens.get().forUser("storuman-samordnare", "storuman", "coordinator");

        http.send(http.request("/api/reports/participation?personnummer=191212121212", token)
                .header("X-Correlation-Id", "samlyft-logged-7")
                .build());

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("samlyft-logged-7.*GET /api/reports/participation 200 \\d+ ms"));
        assertThat(output.getOut())
                .doesNotContain(token)
                .doesNotContain("191212121212")
                .doesNotContain("storuman-samordnare");
    }
}
