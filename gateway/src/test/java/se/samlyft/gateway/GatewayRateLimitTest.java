package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * Rate limits: a client that makes too many requests is refused (429, Retry-After) before its organisation is, a
 * person before their client, the web application (one client for all of a tenant's people) has a budget that fits a
 * tenant, and an organisation over its limit never slows another one down.
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

    @Test
    void refusesOnePersonOverTheirLimitWhileTheirColleaguesOfTheSameClientPass() {
        String anna = person("harnosand", "harnosand-deltagare-1", WEB_APPLICATION);

        for (int i = 0; i < PER_PERSON_LIMIT; i++) {
            assertThat(http.get(API, anna).status()).isEqualTo(200);
        }
        TestHttp.Response refused = http.get(API, anna);

        assertTooManyRequests(refused);
        assertThat(refused.json().get("detail").asString()).contains("You have made too many requests");
        assertThat(http.get(API, person("harnosand", "harnosand-deltagare-2", WEB_APPLICATION))
                        .status())
                .isEqualTo(200);
        assertThat(ENROLMENT.received()).hasSize(PER_PERSON_LIMIT + 1);
    }

    @Test
    void theWebApplicationHasABudgetThatFitsATenantRatherThanOneClients() {
        int people = PER_TENANT_LIMIT / PER_PERSON_LIMIT;
        for (int person = 0; person < people; person++) {
            String token = person("bracke", "bracke-deltagare-" + person, WEB_APPLICATION);
            for (int i = 0; i < PER_PERSON_LIMIT; i++) {
                assertThat(http.get(API, token).status())
                        .as("request %d of person %d, beyond one client's %d", i, person, PER_CLIENT_LIMIT)
                        .isEqualTo(200);
            }
        }

        TestHttp.Response refused = http.get(API, person("bracke", "bracke-chef", WEB_APPLICATION));

        assertTooManyRequests(refused);
        assertThat(refused.json().get("detail").asString()).contains("Your organisation");
        assertThat(ENROLMENT.received()).hasSize(PER_TENANT_LIMIT);
    }

    @Test
    void aRequestRefusedForItsClientCostsThePersonNothing() {
        String integration = token("ragunda", "ragunda-schema");
        for (int i = 0; i < PER_CLIENT_LIMIT; i++) {
            assertThat(http.get(API, integration).status()).isEqualTo(200);
        }
        String sara = person("ragunda", "ragunda-deltagare-1", "ragunda-schema");

        TestHttp.Response refusedByClient = http.get(API, sara);

        assertTooManyRequests(refusedByClient);
        assertThat(refusedByClient.json().get("detail").asString()).contains("ragunda-schema");
        for (int i = 0; i < PER_PERSON_LIMIT; i++) {
            assertThat(http.get(API, person("ragunda", "ragunda-deltagare-1", WEB_APPLICATION))
                            .status())
                    .as("the person's budget is whole")
                    .isEqualTo(200);
        }
    }

    private static final String WEB_APPLICATION = "samlyft-web-app";

    /** A token of a person (it names them in {@code person_id}) that {@code client} asked for. */
    private static String person(String tenant, String username, String client) {
        return TestTokens.get()
                .token()
                .username(username)
                .organization(tenant)
                .roles("participant")
                .claim("azp", client)
                .claim(
                        "person_id",
                        UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                                .toString())
                .sign();
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
