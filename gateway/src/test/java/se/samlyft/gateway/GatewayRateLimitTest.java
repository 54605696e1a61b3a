package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * Rate limits: a client that makes too many requests is refused (429, Retry-After) before its organisation is, and an
 * organisation over its limit never slows another one down.
 */
class GatewayRateLimitTest extends GatewayTestBase {

    private static final String API = "/api/enrolments";

    @Test
    void refusesANoisyClientWhileItsOrganisationsOtherClientsAndOtherOrganisationsPass() {
        String integration = token("lycksele", "lycksele-hr-integration");

        for (int i = 0; i < PER_CLIENT_LIMIT; i++) {
            assertThat(http.get(API, integration).status()).isEqualTo(200);
        }
        TestHttp.Response refused = http.get(API, integration);

        assertTooManyRequests(refused);
        assertThat(refused.json().get("detail").asString()).contains("lycksele-hr-integration");
        assertThat(ENROLMENT.received()).hasSize(PER_CLIENT_LIMIT);
        assertThat(http.get(API, token("lycksele", "samlyft-web")).status()).isEqualTo(200);
        assertThat(http.get(API, token("sorsele", "lycksele-hr-integration")).status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnOrganisationOverItsLimitWhileAnotherOrganisationPasses() {
        for (int i = 0; i < PER_TENANT_LIMIT; i++) {
            String client = i % 2 == 0 ? "samlyft-web" : "kramfors-schema";
            assertThat(http.get(API, token("dorotea", client)).status()).isEqualTo(200);
        }

        TestHttp.Response refused = http.get(API, token("dorotea", "dorotea-lonesystem"));

        assertTooManyRequests(refused);
        assertThat(refused.json().get("detail").asString()).contains("Your organisation");
        assertThat(http.get(API, token("vilhelmina", "samlyft-web")).status()).isEqualTo(200);
        assertThat(ENROLMENT.received()).hasSize(PER_TENANT_LIMIT + 1);
    }

    private static String token(String tenant, String client) {
        return TestTokens.get()
                .token()
                .username(tenant + "-samordnare")
                .organization(tenant)
                .roles("coordinator")
                .claim("azp", client)
                .sign();
    }

    private static void assertTooManyRequests(TestHttp.Response response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
    }
}
