package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The installation's administrators (realm role {@code platform-admin}, tokens that name no organisation) pass the
 * gateway on the administration routes, and on nothing else: never to an organisation's data.
 */
class GatewayAdministrationTest extends GatewayTestBase {

    private final String administrator = TestTokens.get()
            .token()
            .username("samlyft-forvaltare")
            .roles("platform-admin")
            .sign();

    @Test
    void anAdministratorReachesTheAdministrationRoutes() {
        TestHttp.Response onboarded =
                post("/api/identity/organisations", administrator, "{\"tenant\": \"nordmaling\"}");
        TestHttp.Response appointed = post("/api/identity/organisations/nordmaling/coordinators", administrator, "{}");
        TestHttp.Response recorded = post(
                "/api/identity/federations/akademi-norr/invitations/7a1c2e4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d/accept",
                administrator,
                "{\"acceptedOn\": \"2020-08-01\", \"reference\": \"KS 2020-06-15 §41\"}");
        TestHttp.Response readModel = http.get("/api/reports/read-model", administrator);

        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(200);
        assertThat(appointed.status()).isEqualTo(200);
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(readModel.status()).isEqualTo(200);
        assertThat(IDENTITY.received())
                .extracting(StandInService.Received::path)
                .containsExactly(
                        "/api/identity/organisations",
                        "/api/identity/organisations/nordmaling/coordinators",
                        "/api/identity/federations/akademi-norr/invitations/7a1c2e4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d/accept");
        assertThat(IDENTITY.received().getFirst().headers().get("authorization"))
                .as("the service checks the token again")
                .isEqualTo("Bearer " + administrator);
        assertThat(REPORTING.received())
                .extracting(StandInService.Received::path)
                .containsExactly("/api/reports/read-model");
    }

    @Test
    void anAdministratorReachesNoOrganisationsData() {
        for (TestHttp.Response refused : new TestHttp.Response[] {
            http.get("/api/identity/people", administrator),
            http.get("/api/identity/personal-number-reads", administrator),
            post("/api/identity/people", administrator, "{}"),
            http.get("/api/catalog/courses", administrator),
            http.get("/api/enrolments", administrator),
            http.get("/api/reports/paid-time?from=2021-01&to=2021-12", administrator),
            http.send(http.request("/api/identity/organisations/nordmaling", administrator)
                    .DELETE()
                    .build())
        }) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("administration routes");
        }
        assertThat(receivedByAll()).isEmpty();
    }

    @Test
    void aTokenWithoutOrganisationOrAdministratorRoleReachesNoAdministrationRoute() {
        String tenantless = TestTokens.get()
                .token()
                .username("nordmaling-samordnare")
                .roles("coordinator")
                .sign();

        TestHttp.Response refused = post("/api/identity/organisations", tenantless, "{\"tenant\": \"nordmaling\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("names no organisation");
        assertThat(receivedByAll()).isEmpty();
    }

    private TestHttp.Response post(String path, String token, String json) {
        return http.send(http.request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }
}
