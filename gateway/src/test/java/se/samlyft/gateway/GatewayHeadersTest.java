package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/** Security headers on every answer, and CORS for the browser client's origin only. */
class GatewayHeadersTest extends GatewayTestBase {

    private static final String WEB_CLIENT = "http://localhost:5173";

    @Test
    void answersWithSecurityHeaders() {
        String token = TestTokens.get().forUser("vilhelmina-chef", "vilhelmina", "manager");

        for (TestHttp.Response response :
                new TestHttp.Response[] {http.get("/api/catalog/courses", token), http.get("/api/catalog/courses", null)
                }) {
            assertThat(response.raw().headers().allValues("X-Content-Type-Options"))
                    .containsExactly("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void asksBrowsersForHttpsOnlyWhenReachedOverHttps() {
        String token = TestTokens.get().forUser("vilhelmina-samordnare", "vilhelmina", "coordinator");

        TestHttp.Response response = http.send(http.request("/api/catalog/courses", token)
                .header("X-Forwarded-Proto", "https")
                .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void allowsTheWebClientsOriginToCallTheApi() {
        TestHttp.Response preflight = preflight(WEB_CLIENT);

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(WEB_CLIENT);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "idempotency-key");

        String token = TestTokens.get().forUser("vilhelmina-deltagare-1", "vilhelmina", "participant");
        TestHttp.Response call = http.send(http.request("/api/catalog/courses", token)
                .header("Origin", WEB_CLIENT)
                .build());
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(WEB_CLIENT);
        assertThat(call.header("Access-Control-Expose-Headers")).contains("X-Correlation-Id");
    }

    @Test
    void refusesOtherOrigins() {
        TestHttp.Response preflight = preflight("https://elak.example");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(receivedByAll()).isEmpty();
    }

    private TestHttp.Response preflight(String origin) {
        return http.send(http.request("/api/catalog/courses", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .build());
    }
}
