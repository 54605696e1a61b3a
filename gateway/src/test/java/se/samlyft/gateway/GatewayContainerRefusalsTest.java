package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Tomcat refuses before any filter sees them (an encoded slash or NUL in the path, a header line too
 * long, too many headers) are answered as every other refusal: a problem with the gateway's security headers, never
 * the container's HTML page. Sent over a raw socket, byte for byte, since HTTP clients refuse to send some of them.
 */
class GatewayContainerRefusalsTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEncodedSlashInThePathIsAProblemWithTheSecurityHeaders() throws IOException {
        assertRefusedAsAProblem(send("GET /api/catalog/courses%2F..%2Fadmin HTTP/1.1\r\n", ""), 400);
    }

    @Test
    void anEncodedNulInThePathIsAProblemWithTheSecurityHeaders() throws IOException {
        assertRefusedAsAProblem(send("GET /api/catalog/courses%00.json HTTP/1.1\r\n", ""), 400);
    }

    @Test
    void aHeaderTooLargeIsAProblemWithTheSecurityHeaders() throws IOException {
        assertRefusedAsAProblem(
                send("GET /api/catalog/courses HTTP/1.1\r\n", "X-Padding: " + "å".repeat(9000) + "\r\n"), 400);
    }

    @Test
    void tooManyHeadersAreAProblemWithTheSecurityHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            headers.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
        }
        assertRefusedAsAProblem(send("GET /api/catalog/courses HTTP/1.1\r\n", headers.toString()), 400);
    }

    /** The security headers of the gateway's every other answer, which a refused request must carry alike. */
    private static final java.util.List<String> SECURITY_HEADERS = java.util.List.of(
            "x-content-type-options",
            "x-xss-protection",
            "x-frame-options",
            "referrer-policy",
            "content-security-policy",
            "cache-control",
            "pragma",
            "expires");

    private void assertRefusedAsAProblem(RawHttp.Answer answer, int status) throws IOException {
        RawHttp.Answer ordinary = send("GET /api/catalog/courses HTTP/1.1\r\n", "");
        assertThat(ordinary.status()).as(ordinary.toString()).isEqualTo(200);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
        for (String header : SECURITY_HEADERS) {
            assertThat(answer.headers().get(header))
                    .as(header)
                    .isNotNull()
                    .isEqualTo(ordinary.headers().get(header));
        }
        assertThat(answer.headers().get("x-correlation-id")).isNotBlank();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("<html", "Tomcat", "Exception");
    }

    /** As Timrå's coordinator, a tenant no other test spends its rate-limit budget on. */
    private RawHttp.Answer send(String requestLine, String headers) throws IOException {
        String token = TestTokens.get().forUser("timra-samordnare", "timra", "coordinator");
        return RawHttp.send(port, requestLine, "Authorization: Bearer " + token + "\r\n" + headers, new byte[0]);
    }
}
