package se.samlyft.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.hrimport.HrFiles;
import se.samlyft.testsupport.TestKeycloak;
import tools.jackson.databind.JsonNode;

/**
 * Provisioning against the real Keycloak server with the demo realm: onboarding a municipality and importing its
 * staff lets one of them log in, and the token names the organisation, the roles and the person.
 */
class KeycloakProvisioningTest extends AgainstIdentity {

    private static final String REALM = "samlyft";
    private static final String JOKKMOKK = "jokkmokk";
    private static final String PASSWORD = "Lösenord-för-test-1";
    private static Keycloak admin;
    private static boolean onboarded;

    @DynamicPropertySource
    static void provisionToTheRealKeycloak(DynamicPropertyRegistry properties) {
        properties.add("samlyft.identity.provisioning.enabled", () -> "true");
        properties.add("samlyft.identity.provisioning.poll-interval", () -> "200ms");
        properties.add(
                "samlyft.identity.keycloak.server-url", () -> TestKeycloak.get().url());
    }

    @BeforeEach
    void onboardJokkmokkAndImportItsStaff() {
        if (admin == null) {
            admin = Keycloak.getInstance(
                    TestKeycloak.get().url(),
                    "master",
                    TestKeycloak.ADMIN_USERNAME,
                    TestKeycloak.ADMIN_PASSWORD,
                    "admin-cli");
        }
        if (!onboarded) {
            onboarded = true;
            api.onboard(municipality(JOKKMOKK, "Jokkmokks kommun", "2510", organisationNumber(2510)));
            var imported = api.postBytes(
                    "/api/identity/imports",
                    coordinatorOf(JOKKMOKK),
                    "text/csv",
                    HrFiles.file(
                            StandardCharsets.UTF_8,
                            "Kajsa;Blind;kajsa.blind@jokkmokk.se;;hemtjanst-centrum;Hemtjänst Centrum;chef;;kvinna;"
                                    + "1971;eftergymnasial;manager participant",
                            "Nils-Erik;Sarri;nils-erik.sarri@jokkmokk.se;19780315-4561;hemtjanst-centrum;"
                                    + "Hemtjänst Centrum;undersköterska;kajsa.blind@jokkmokk.se;man;1978;gymnasial;"
                                    + "participant",
                            "Åsa;Päiviö;asa.paivio@jokkmokk.se;;sarskilt-boende;Särskilt boende Ájtte;vårdbiträde;"
                                    + "kajsa.blind@jokkmokk.se;kvinna;1990;gymnasial;participant"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        awaitProvisioning();
    }

    @AfterAll
    static void closeTheAdminClient() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void anImportedPersonLogsInWithATokenNamingTheirOrganisationRolesAndPersonId() {
        String nilsErik = personId("nils-erik.sarri@jokkmokk.se");
        String kajsa = personId("kajsa.blind@jokkmokk.se");
        setPassword(nilsErik);
        setPassword(kajsa);

        JsonNode participant = login("nils-erik.sarri@jokkmokk.se");
        JsonNode manager = login("kajsa.blind@jokkmokk.se");

        assertThat(participant.path("organization").valueStream().map(JsonNode::asString))
                .containsExactly(JOKKMOKK);
        assertThat(participant.path("person_id").asString()).isEqualTo(nilsErik);
        assertThat(roles(participant)).contains("participant").doesNotContain("manager", "coordinator");
        assertThat(roles(manager)).contains("manager", "participant");
        assertThat(manager.path("person_id").asString()).isEqualTo(kajsa);
        assertThat(realm().organizations().getAll())
                .filteredOn(organisation -> JOKKMOKK.equals(organisation.getAlias()))
                .singleElement()
                .satisfies(organisation -> assertThat(organisation.getName()).isEqualTo("Jokkmokks kommun"));
        UserRepresentation user = user(nilsErik);
        assertThat(user.getAttributes().get("personId")).containsExactly(nilsErik);
        assertThat(user.getAttributes()).doesNotContainKey("personalIdentityNumber");
    }

    @Test
    void aChangeOfRolesReachesKeycloakAndLeavingDisablesTheLogin() {
        String asa = personId("asa.paivio@jokkmokk.se");
        setPassword(asa);
        String path = "/api/identity/people/" + asa;
        var read = api.get(path, coordinatorOf(JOKKMOKK));
        var body = (tools.jackson.databind.node.ObjectNode) read.json();
        body.putArray("roles").add("participant").add("coordinator");
        var changed = api.put(path, coordinatorOf(JOKKMOKK), read.header("ETag"), body.toString());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        awaitProvisioning();

        assertThat(roles(login("asa.paivio@jokkmokk.se"))).contains("coordinator", "participant");

        api.post(path + "/leave", coordinatorOf(JOKKMOKK), "{\"leftOn\": \"2026-12-01\"}");
        awaitProvisioning();

        JsonNode refused = TestKeycloak.get()
                .passwordGrant(REALM, "samlyft-web", "asa.paivio@jokkmokk.se", PASSWORD, "openid organization");
        assertThat(refused.path("access_token").isMissingNode()).isTrue();
        assertThat(refused.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(user(asa).isEnabled()).isFalse();
    }

    private JsonNode login(String email) {
        JsonNode token = TestKeycloak.get().passwordGrant(REALM, "samlyft-web", email, PASSWORD, "openid organization");
        assertThat(token.path("access_token").isString()).as(token.toString()).isTrue();
        return TestKeycloak.claimsOf(token.path("access_token").asString());
    }

    private static List<String> roles(JsonNode claims) {
        return claims.path("realm_access")
                .path("roles")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private String personId(String email) {
        return new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select id::text from person where lower(email) = ?", String.class, email);
    }

    private void setPassword(String personId) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(PASSWORD);
        credential.setTemporary(false);
        realm().users().get(user(personId).getId()).resetPassword(credential);
    }

    private UserRepresentation user(String personId) {
        List<UserRepresentation> users = realm().users().searchByUsername(personId, true);
        assertThat(users).as("Keycloak user of person %s", personId).hasSize(1);
        return realm().users().get(users.getFirst().getId()).toRepresentation();
    }

    private static RealmResource realm() {
        return admin.realm(REALM);
    }

    private void awaitProvisioning() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Integer pending = owner.queryForObject("select count(*) from provisioning_task", Integer.class);
        while (pending != null && pending > 0 && Instant.now().isBefore(deadline)) {
            sleep();
            pending = owner.queryForObject("select count(*) from provisioning_task", Integer.class);
        }
        assertThat(owner.queryForList("select kind, subject, attempts, last_error from provisioning_task"))
                .as("provisioning tasks left")
                .isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
