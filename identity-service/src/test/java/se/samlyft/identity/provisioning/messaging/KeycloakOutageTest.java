package se.samlyft.identity.provisioning.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.provisioning.keycloak.KeycloakDirectory;
import se.samlyft.identity.provisioning.persistence.ProvisioningQueue;
import se.samlyft.testsupport.TestKeycloak;

/**
 * Keycloak briefly unavailable: the provisioning task of an onboarding stays queued with its error and a backoff,
 * and is carried out once Keycloak answers again. The shared test context runs no worker of its own; this test drives
 * one against a port where nothing listens, then one against the real server.
 */
class KeycloakOutageTest extends AgainstIdentity {

    private static final String TENANT = "overkalix";

    @Autowired
    ProvisioningQueue queue;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Test
    void anOnboardingWaitsWhileKeycloakIsDownAndIsProvisionedWhenItIsBack() throws IOException {
        api.onboard(municipality(TENANT, "Överkalix kommun", "2513", organisationNumber(2513)));
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.update(
                "update provisioning_task set next_attempt_at = now() + interval '1 hour' where subject <> ?", TENANT);

        try (Keycloak down = adminClient("http://127.0.0.1:" + closedPort())) {
            worker(down).provisionDueTasks();
        }

        Map<String, Object> waiting = owner.queryForMap(
                "select attempts, last_error, next_attempt_at > now() as later from provisioning_task where subject = ?",
                TENANT);
        assertThat(waiting.get("attempts")).isEqualTo(1);
        assertThat((String) waiting.get("last_error")).isNotBlank();
        assertThat(waiting.get("later"))
                .as("the next attempt waits for the backoff")
                .isEqualTo(true);

        owner.update("update provisioning_task set next_attempt_at = now() where subject = ?", TENANT);
        try (Keycloak back = adminClient(TestKeycloak.get().url())) {
            worker(back).provisionDueTasks();

            assertThat(owner.queryForObject(
                            "select count(*) from provisioning_task where subject = ?", Integer.class, TENANT))
                    .isZero();
            assertThat(back.realm("samlyft").organizations().list(0, 1000))
                    .anySatisfy(
                            organisation -> assertThat(organisation.getAlias()).isEqualTo(TENANT));
        }
    }

    private ProvisioningWorker worker(Keycloak keycloak) {
        return new ProvisioningWorker(
                queue, new KeycloakDirectory(keycloak, "samlyft"), organisations, people, 10, Duration.ofMinutes(5));
    }

    private static Keycloak adminClient(String url) {
        return KeycloakBuilder.builder()
                .serverUrl(url)
                .realm("samlyft")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId("identity-service")
                .clientSecret("identity-service-secret")
                .build();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
