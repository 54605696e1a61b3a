package se.samlyft.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.person;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import se.samlyft.contracts.EventContracts;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.IdentityEvents;
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
        assertThat(api.get("/api/identity/people/" + nilsErik, coordinatorOf(JOKKMOKK))
                        .json()
                        .path("login")
                        .path("state")
                        .asString())
                .isEqualTo("ACTIVE");
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
        assertThat(realm().organizations().list(0, 1000))
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

    @Test
    void erasureLeavesNoIdentityDataDeletesTheLoginAndIsPublished() {
        String coordinator = coordinatorOf(JOKKMOKK);
        var lars = api.postWithKey(
                "/api/identity/people",
                coordinator,
                "registrera-lars-kuoljok",
                person("Lars", "Kuoljok", "lars.kuoljok@jokkmokk.se")
                        .put("personalIdentityNumber", "850412-2386")
                        .put("birthYear", 1985)
                        .put("occupation", "MANAGER")
                        .toString());
        String larsId = lars.json().path("id").asString();
        String elsaId = api.register(
                JOKKMOKK,
                person("Elsa", "Kuhmunen", "elsa.kuhmunen@jokkmokk.se").put("managerId", larsId));
        awaitProvisioning();
        user(larsId);

        var erased = api.delete("/api/identity/people/" + larsId, coordinator);
        awaitProvisioning();

        assertThat(erased.status()).isEqualTo(204);
        assertThat(realm().users().searchByUsername(larsId, true)).isEmpty();
        assertThat(api.get("/api/identity/people/" + larsId, coordinator).status())
                .isEqualTo(404);
        assertThat(api.get("/api/identity/people/" + elsaId, coordinator)
                        .json()
                        .path("managerId")
                        .isNull())
                .isTrue();
        assertThat(rowsMentioning("Kuoljok", "lars.kuoljok", "850412", "8504122386", "Lars"))
                .as("rows of identity's database that still hold the erased person's data")
                .isEmpty();
        List<ConsumerRecord<String, String>> larsEvents = IdentityEvents.recordsOf(larsId, 2);
        assertThat(larsEvents)
                .extracting(IdentityEvents::typeOf)
                .containsExactly("se.samlyft.identity.person-registered.v1", "se.samlyft.identity.person-erased.v1");
        JsonNode erasure = IdentityEvents.data(larsEvents.get(1));
        assertThat(erasure.path("version").asLong()).isEqualTo(2);
        assertThat(erasure.path("organisation").asString()).isEqualTo(JOKKMOKK);
        assertThat(EventContracts.load()
                        .violations(
                                "se.samlyft.identity.person-erased.v1",
                                larsEvents.get(1).value()))
                .isEmpty();
        List<ConsumerRecord<String, String>> elsaEvents = IdentityEvents.recordsOf(elsaId, 2);
        assertThat(IdentityEvents.data(elsaEvents.get(1)).has("managerId"))
                .as("the erased manager is no longer named")
                .isFalse();
    }

    /** Every row of every table of identity's database (the service's and the platform's) that holds one of these. */
    private List<String> rowsMentioning(String... needles) {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        List<String> tables = owner.queryForList("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('public', 'samlyft') and table_type = 'BASE TABLE'""", String.class);
        List<String> found = new java.util.ArrayList<>();
        for (String table : tables) {
            List<String> bytea = owner.queryForList("""
                    select column_name from information_schema.columns
                    where table_schema || '.' || table_name = ? and data_type = 'bytea'""", String.class, table);
            StringBuilder text = new StringBuilder("t::text");
            bytea.forEach(column ->
                    text.append(" || ' ' || coalesce(encode(t.").append(column).append(", 'escape'), '')"));
            for (String needle : needles) {
                owner.queryForList(
                                "select " + text + " from " + table + " t where (" + text + ") ilike ?",
                                String.class,
                                "%" + needle + "%")
                        .forEach(row -> found.add(table + ": " + row));
            }
        }
        return found;
    }

    @Test
    void aTaskKeycloakRefusesStaysQueuedWithBackoffAndSucceedsOnceTheCauseIsGone() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        String path = api.onboard(municipality("arjeplog-test", "Arjeplogs kommun", "2583", organisationNumber(2583)))
                .header("Location");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<java.util.Map<String, Object>> failed = List.of();
        while (failed.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep();
            failed = owner.queryForList(
                    "select attempts, last_error, next_attempt_at > now() as waiting from provisioning_task"
                            + " where subject = 'arjeplog-test' and attempts >= 2");
        }
        assertThat(failed)
                .as("the realm already has an organisation named Arjeplogs kommun, so Keycloak refuses the copy")
                .singleElement()
                .satisfies(task -> {
                    assertThat((String) task.get("last_error")).contains("409");
                    assertThat((Boolean) task.get("waiting")).isTrue();
                });

        var renamed = api.put(
                path,
                coordinatorOf("arjeplog-test"),
                "\"1\"",
                municipality("arjeplog-test", "Arjeplogs kommun (test)", "2583", organisationNumber(2583))
                        .toString());
        assertThat(renamed.status()).isEqualTo(200);
        awaitProvisioning();

        assertThat(realm().organizations().list(0, 1000))
                .filteredOn(organisation -> "arjeplog-test".equals(organisation.getAlias()))
                .singleElement()
                .satisfies(organisation -> assertThat(organisation.getName()).isEqualTo("Arjeplogs kommun (test)"));
    }

    @Test
    void aPersonKeycloakRefusesIsShownWithAFailedLoginAndKeycloaksReasonUntilTheNameIsFixed() {
        String coordinator = coordinatorOf(JOKKMOKK);
        String id = api.register(JOKKMOKK, person("Anna (vikarie)", "Labba", "anna.labba@jokkmokk.se"));
        String path = "/api/identity/people/" + id;

        JsonNode login = awaitLogin(path, "FAILED");

        assertThat(login.path("reason").asString()).contains("error-person-name-invalid-character");
        assertThat(new JdbcTemplate(database.ownerDataSource())
                        .queryForObject("select count(*) from provisioning_task where subject = ?", Integer.class, id))
                .as("not retried for ever")
                .isZero();

        var read = api.get(path, coordinator);
        var fixed = (tools.jackson.databind.node.ObjectNode) read.json();
        fixed.put("givenName", "Anna");
        fixed.remove("login");
        var changed = api.put(path, coordinator, read.header("ETag"), fixed.toString());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("login").path("state").asString()).isEqualTo("PENDING");

        JsonNode active = awaitLogin(path, "ACTIVE");
        assertThat(active.path("reason").isNull() || active.path("reason").isMissingNode())
                .as("no reason once the login exists: %s", active)
                .isTrue();
        assertThat(user(id).getFirstName()).isEqualTo("Anna");
    }

    /** The person's login once it is in {@code state}. */
    private JsonNode awaitLogin(String path, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode login = api.get(path, coordinatorOf(JOKKMOKK)).json().path("login");
        while (!state.equals(login.path("state").asString()) && Instant.now().isBefore(deadline)) {
            sleep();
            login = api.get(path, coordinatorOf(JOKKMOKK)).json().path("login");
        }
        assertThat(login.path("state").asString()).as(login.toString()).isEqualTo(state);
        return login;
    }

    @Test
    void aPersonWithTheIdOfADemoRealmUserTakesOverThatUserInsteadOfCreatingAnother() {
        String demoPersonId = "f98b3199-e391-3be4-b6a5-d061e77124cd";
        api.onboard(municipality("arvidsjaur", "Arvidsjaurs kommun", "2505", organisationNumber(2505)));
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.update("""
                insert into person (id, tenant_id, given_name, family_name, email, workplace_id, workplace_name,
                    occupation, sex, birth_year, education_level, roles)
                values (?::uuid, 'arvidsjaur', 'Ulla', 'Lindgren', 'arvidsjaur-deltagare-1@samlyft.example',
                    'hemtjanst-centrum', 'Hemtjänst Centrum', 'ASSISTANT_NURSE', 'WOMAN', 1966, 'ISCED_3_4',
                    '{participant,manager}')""", demoPersonId);
        owner.update(
                "insert into provisioning_task (kind, subject, organisation) values ('PERSON', ?, 'arvidsjaur')",
                demoPersonId);
        awaitProvisioning();

        assertThat(realm().users().searchByUsername(demoPersonId, true)).isEmpty();
        UserRepresentation demoUser =
                realm().users().searchByUsername("arvidsjaur-deltagare-1", true).getFirst();
        assertThat(demoUser.getFirstName()).isEqualTo("Ulla");
        JsonNode token = TestKeycloak.get()
                .passwordGrant(REALM, "samlyft-web", "arvidsjaur-deltagare-1", "samlyft", "openid organization");
        JsonNode claims = TestKeycloak.claimsOf(token.path("access_token").asString());
        assertThat(claims.path("person_id").asString()).isEqualTo(demoPersonId);
        assertThat(roles(claims)).contains("participant", "manager");
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
