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

    private static void assertRefusedAsAProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.headers().get("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.headers().get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(answer.headers().get("content-security-policy")).contains("default-src 'none'");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("<html", "Tomcat", "Exception");
    }

    private RawHttp.Answer send(String requestLine, String headers) throws IOException {
        String token = TestTokens.get().forUser("storuman-samordnare", "storuman", "coordinator");
        return RawHttp.send(port, requestLine, "Authorization: Bearer " + token + "\r\n" + headers, new byte[0]);
    }
}
