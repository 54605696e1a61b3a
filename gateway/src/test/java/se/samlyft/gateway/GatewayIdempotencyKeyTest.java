package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code Idempotency-Key} means the same bytes at the gateway and at the service: a key the services would refuse
 * is refused here with their problem, so that two different keys can never reach a service as one. The keys are sent
 * over a raw socket in UTF-8, as a client that does not restrict itself to ASCII sends them.
 */
class GatewayIdempotencyKeyTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void twoDifferentNonAsciiKeysAreRefusedAsTheServicesRefuseThemAndNeverReachOne() throws IOException {
        String token = TestTokens.get().forUser("bjurholm-deltagare", "bjurholm", "participant");

        RawHttp.Answer first = enrol(token, "anmälan-å");
        RawHttp.Answer second = enrol(token, "anmälan-ä");

        for (RawHttp.Answer refused : new RawHttp.Answer[] {first, second}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.headers().get("content-type")).isEqualTo("application/problem+json");
            JsonNode error = JSON.readTree(refused.body()).path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(error.path("message").asString())
                    .isEqualTo("must be one value of 1 to 255 visible ASCII characters, such as a UUID");
        }
        assertThat(ENROLMENT.received()).isEmpty();
    }

    @Test
    void aWellFormedKeyReachesTheServiceAsItWasSent() throws IOException {
        String token = TestTokens.get().forUser("bjurholm-chef", "bjurholm", "manager");

        RawHttp.Answer passed = enrol(token, "\"3f0c2b9e-anmalan-1\"");

        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(ENROLMENT.received())
                .singleElement()
                .satisfies(received ->
                        assertThat(received.headers().get("idempotency-key")).isEqualTo("\"3f0c2b9e-anmalan-1\""));
    }

    private RawHttp.Answer enrol(String token, String key) throws IOException {
        return RawHttp.send(
                port,
                "POST /api/enrolments HTTP/1.1\r\n",
                "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                        + "\r\n",
                "{\"offeringId\": \"7a1c2e4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d\"}".getBytes(StandardCharsets.UTF_8));
    }
}
