package se.samlyft.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.federation;
import static se.samlyft.identity.IdentityApi.invalidFields;
import static se.samlyft.identity.IdentityApi.managerOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;
import static se.samlyft.identity.IdentityApi.person;
import static se.samlyft.identity.IdentityApi.personToken;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.identity.AgainstIdentity;

@ExtendWith(OutputCaptureExtension.class)
class PersonApiTest extends AgainstIdentity {

    private static final String VILHELMINA = "vilhelmina";
    private static final String DOROTEA = "dorotea";
    private static final String PEOPLE = "/api/identity/people";
    private static boolean onboarded;

    @BeforeEach
    void onboardTwoMunicipalitiesAndAFederation() {
        if (!onboarded) {
            api.onboard(municipality(VILHELMINA, "Vilhelmina kommun", "2462", organisationNumber(2462)));
            api.onboard(municipality(DOROTEA, "Dorotea kommun", "2425", organisationNumber(2425)));
            api.onboard(federation("akademi-norr", "Akademi Norr", organisationNumber(90002)));
            onboarded = true;
        }
    }

    @Test
    void registersAPersonAndKeepsThePersonalIdentityNumberEncryptedAndOutOfTheLog(CapturedOutput output) {
        var created = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Karin", "Sjöström", "karin.sjostrom@vilhelmina.se")
                        .put("personalIdentityNumber", "19780315-4561")
                        .toString());
        String id = created.json().path("id").asString();

        var read = api.get(created.header("Location"), coordinatorOf(VILHELMINA));

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.json().path("familyName").asString()).isEqualTo("Sjöström");
        assertThat(read.json().path("workplaceName").asString()).isEqualTo("Hemtjänst Centrum");
        assertThat(read.json().path("hasPersonalIdentityNumber").asBoolean()).isTrue();
        assertThat(read.json().path("roles").get(0).asString()).isEqualTo("participant");
        assertThat(read.body()).doesNotContain("4561");
        byte[] stored = new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select personal_number_cipher from person where id = ?::uuid", byte[].class, id);
        assertThat(stored).isNotNull().hasSizeGreaterThan(12 + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("197803154561", "780315");
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain("197803154561");
        assertThat(output.getAll()).doesNotContain("19780315-4561", "197803154561", "780315-4561");
    }

    @Test
    void acceptsCoordinationNumbersAndShortFormsAndRefusesWrongCheckDigitsAndDates() {
        String coordinator = coordinatorOf(VILHELMINA);

        var coordination = api.post(
                PEOPLE,
                coordinator,
                person("Ali", "Hassan", "ali.hassan@vilhelmina.se")
                        .put("personalIdentityNumber", "19701063-2391")
                        .put("birthYear", 1970)
                        .toString());
        var shortForm = api.post(
                PEOPLE,
                coordinator,
                person("Olle", "Berg", "olle.berg@vilhelmina.se")
                        .put("personalIdentityNumber", "850412-2386")
                        .put("birthYear", 1985)
                        .toString());
        var wrongDigit = api.post(
                PEOPLE,
                coordinator,
                person("Eva", "Nord", "eva.nord@vilhelmina.se")
                        .put("personalIdentityNumber", "19780315-4562")
                        .toString());
        var noSuchDate = api.post(
                PEOPLE,
                coordinator,
                person("Eva", "Nord", "eva.nord@vilhelmina.se")
                        .put("personalIdentityNumber", "19780231-4562")
                        .toString());
        var otherYear = api.post(
                PEOPLE,
                coordinator,
                person("Eva", "Nord", "eva.nord@vilhelmina.se")
                        .put("personalIdentityNumber", "19780315-4561")
                        .put("birthYear", 1979)
                        .toString());

        assertThat(coordination.status()).as(coordination.body()).isEqualTo(201);
        assertThat(shortForm.status()).as(shortForm.body()).isEqualTo(201);
        assertThat(invalidFields(wrongDigit)).containsExactly("personalIdentityNumber");
        assertThat(wrongDigit.body()).doesNotContain("4562");
        assertThat(invalidFields(noSuchDate)).containsExactly("personalIdentityNumber");
        assertThat(invalidFields(otherYear)).containsExactly("birthYear");
    }

    @Test
    void refusesAnEmailAddressAlreadyUsedInTheOrganisationButNotInAnother() {
        api.register(VILHELMINA, person("Lena", "Holm", "lena.holm@example.se"));

        var duplicate = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Lena", "Holm", "LENA.HOLM@example.se").toString());
        var inAnotherOrganisation = api.post(
                PEOPLE,
                coordinatorOf(DOROTEA),
                person("Lena", "Holm", "lena.holm@example.se").toString());

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("detail").asString()).contains("e-mail");
        assertThat(inAnotherOrganisation.status()).isEqualTo(201);
        assertThat(inAnotherOrganisation.json().path("id").asString())
                .as("one person record per employment")
                .isNotBlank();
    }

    @Test
    void refusesAnUnknownManagerAndAManagerOfAnotherOrganisation() {
        String chefInDorotea = api.register(
                DOROTEA, person("Gunnar", "Ek", "gunnar.ek@dorotea.se").put("occupation", "MANAGER"));

        var unknown = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Sara", "Lund", "sara.lund@vilhelmina.se")
                        .put("managerId", "6b1f5a34-0000-4000-8000-000000000000")
                        .toString());
        var foreign = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Sara", "Lund", "sara.lund@vilhelmina.se")
                        .put("managerId", chefInDorotea)
                        .toString());

        assertThat(invalidFields(unknown)).containsExactly("managerId");
        assertThat(invalidFields(foreign)).containsExactly("managerId");
    }

    @Test
    void refusesMalformedFactsWithTheFieldsNamed() {
        var refused = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Sara", "Lund", "inte-en-adress")
                        .put("birthYear", 1850)
                        .put("occupation", "ASTRONAUT")
                        .toString());
        var badWorkplace = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Sara", "Lund", "sara.lund@vilhelmina.se")
                        .put("workplaceId", "Hemtjänst Centrum")
                        .toString());
        var federationRole = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Sara", "Lund", "sara.lund@vilhelmina.se")
                        .set(
                                "roles",
                                tools.jackson.databind.node.JsonNodeFactory.instance
                                        .arrayNode()
                                        .add("federation-coordinator"))
                        .toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(invalidFields(badWorkplace)).containsExactly("workplaceId");
        assertThat(invalidFields(federationRole)).containsExactly("roles");
    }

    @Test
    void aCoordinatorChangesAPersonAndMarksThemAsLeft() {
        String coordinator = coordinatorOf(VILHELMINA);
        String manager = api.register(
                VILHELMINA,
                person("Mats", "Strand", "mats.strand@vilhelmina.se").put("occupation", "MANAGER"));
        String path = PEOPLE + "/" + api.register(VILHELMINA, person("Ida", "Vik", "ida.vik@vilhelmina.se"));

        var changed = api.put(
                path,
                coordinator,
                "\"1\"",
                person("Ida", "Vik", "ida.vik@vilhelmina.se")
                        .put("managerId", manager)
                        .put("occupation", "CARE_AIDE")
                        .toString());
        var unchanged = api.put(
                path,
                coordinator,
                "\"2\"",
                person("Ida", "Vik", "ida.vik@vilhelmina.se")
                        .put("managerId", manager)
                        .put("occupation", "CARE_AIDE")
                        .toString());
        var left = api.post(path + "/leave", coordinator, "{\"leftOn\": \"2026-12-01\"}");
        var changedAfterLeaving = api.put(
                path,
                coordinator,
                "\"3\"",
                person("Ida", "Vik", "ida.vik@vilhelmina.se").toString());
        var leftAgain = api.post(path + "/leave", coordinator, "{\"leftOn\": \"2026-12-02\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("managerId").asString()).isEqualTo(manager);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(unchanged.header("ETag")).as("the same content is no change").isEqualTo("\"2\"");
        assertThat(left.json().path("status").asString()).isEqualTo("LEFT");
        assertThat(left.json().path("leftOn").asString()).isEqualTo("2026-12-01");
        assertThat(changedAfterLeaving.status()).isEqualTo(409);
        assertThat(leftAgain.status()).isEqualTo(409);
    }

    @Test
    void aParticipantReadsOnlyThemselvesAndNoOneSeesAnotherOrganisationsPeople() {
        String id = api.register(VILHELMINA, person("Nils", "Ås", "nils.as@vilhelmina.se"));

        var own = api.get(PEOPLE + "/" + id, personToken(VILHELMINA, id, "participant"));
        var someoneElse = api.get(PEOPLE + "/" + id, participantOf(VILHELMINA));
        var list = api.get(PEOPLE, participantOf(VILHELMINA));
        var fromDorotea = api.get(PEOPLE + "/" + id, coordinatorOf(DOROTEA));
        var changeFromDorotea = api.put(
                PEOPLE + "/" + id,
                coordinatorOf(DOROTEA),
                "\"1\"",
                person("Nils", "Ås", "nils@x.se").toString());

        assertThat(own.status()).isEqualTo(200);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(list.status()).isEqualTo(403);
        assertThat(fromDorotea.status()).isEqualTo(404);
        assertThat(changeFromDorotea.status()).isEqualTo(404);
    }

    @Test
    void aManagerListsAndReadsOnlyThePeopleTheyManageAndNeverAPersonalIdentityNumber() {
        var birgitta = person("Birgitta", "Lundqvist", "birgitta.lundqvist@vilhelmina.se")
                .put("occupation", "MANAGER");
        birgitta.putArray("roles").add("manager");
        String chef = api.register(VILHELMINA, birgitta);
        String otherChef = api.register(
                VILHELMINA,
                person("Kjell", "Holmberg", "kjell.holmberg@vilhelmina.se").put("occupation", "MANAGER"));
        String staff = api.register(
                VILHELMINA,
                person("Åsa", "Öström", "asa.ostrom@vilhelmina.se")
                        .put("managerId", chef)
                        .put("personalIdentityNumber", "19780315-4561"));
        String alsoStaff = api.register(
                VILHELMINA, person("Ärla", "Ek", "arla.ek@vilhelmina.se").put("managerId", chef));
        String notStaff = api.register(
                VILHELMINA,
                person("Olle", "Lindgren", "olle.lindgren@vilhelmina.se").put("managerId", otherChef));
        String manager = personToken(VILHELMINA, chef, "manager");

        var listed = api.get(PEOPLE, manager);
        var asStaff = api.get(PEOPLE + "?staff=true", coordinatorOf(VILHELMINA));
        var ownStaff = api.get(PEOPLE + "/" + staff, manager);
        var someoneElsesStaff = api.get(PEOPLE + "/" + notStaff, manager);
        var themselves = api.get(PEOPLE + "/" + chef, manager);
        var withoutPersonId = api.get(PEOPLE, managerOf(VILHELMINA));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()
                        .path("items")
                        .valueStream()
                        .map(person -> person.path("id").asString())
                        .toList())
                .containsExactly(alsoStaff, staff);
        assertThat(listed.json().path("totalItems").asLong()).isEqualTo(2);
        assertThat(listed.body()).doesNotContain("4561", "Lindgren", "personalIdentityNumber\"");
        assertThat(asStaff.json().path("items"))
                .as("a coordinator who manages no one")
                .isEmpty();
        assertThat(ownStaff.status()).isEqualTo(200);
        assertThat(ownStaff.json().path("workplaceName").asString()).isEqualTo("Hemtjänst Centrum");
        assertThat(ownStaff.json().path("hasPersonalIdentityNumber").asBoolean())
                .isTrue();
        assertThat(ownStaff.body()).doesNotContain("4561");
        assertThat(someoneElsesStaff.status()).isEqualTo(403);
        assertThat(themselves.status()).isEqualTo(200);
        assertThat(withoutPersonId.json().path("items")).isEmpty();
    }

    @Test
    void aPersonExportsEverythingIdentityHoldsAboutThemAndNoOneElseOfTheirOrganisationDoes() {
        String id = api.register(
                DOROTEA,
                person("Greta", "Öhrn", "greta.ohrn@dorotea.se").put("personalIdentityNumber", "19780315-4561"));

        var own = api.get(PEOPLE + "/" + id + "/export", personToken(DOROTEA, id, "participant"));
        var byCoordinator = api.get(PEOPLE + "/" + id + "/export", coordinatorOf(DOROTEA));
        var byColleague = api.get(PEOPLE + "/" + id + "/export", participantOf(DOROTEA));
        var byAnotherOrganisation = api.get(PEOPLE + "/" + id + "/export", coordinatorOf(VILHELMINA));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("personalIdentityNumber").asString()).isEqualTo("19780315-4561");
        assertThat(own.json().path("familyName").asString()).isEqualTo("Öhrn");
        assertThat(own.json().path("email").asString()).isEqualTo("greta.ohrn@dorotea.se");
        assertThat(own.json().path("workplaceName").asString()).isEqualTo("Hemtjänst Centrum");
        assertThat(own.json().path("login").path("keycloakUsername").asString()).isEqualTo(id);
        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(byColleague.status()).isEqualTo(403);
        assertThat(byAnotherOrganisation.status()).isEqualTo(404);
    }

    @Test
    void theExportSaysWhereTheLoginStandsAndClaimsNoKeycloakUserWhenKeycloakRefusedIt() {
        String id = api.register(DOROTEA, person("Ingrid", "Åkesson", "ingrid.akesson@dorotea.se"));
        var pending = api.get(PEOPLE + "/" + id + "/export", coordinatorOf(DOROTEA))
                .json()
                .path("login");
        new JdbcTemplate(database.ownerDataSource())
                .update(
                        "update person set login_state = 'FAILED', login_reason = ? where id = ?::uuid",
                        "Keycloak: invalid username",
                        id);

        var failed = api.get(PEOPLE + "/" + id + "/export", coordinatorOf(DOROTEA))
                .json()
                .path("login");

        assertThat(pending.path("state").asString()).isEqualTo("PENDING");
        assertThat(pending.path("keycloakUsername").asString()).isEqualTo(id);
        assertThat(failed.path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.path("reason").asString()).isEqualTo("Keycloak: invalid username");
        assertThat(failed.path("keycloakUsername").isNull()
                        || failed.path("keycloakUsername").isMissingNode())
                .as("no Keycloak user is claimed for a failed login")
                .isTrue();
    }

    @Test
    void aCoordinatorSearchesThePeopleByNameEmailOrWorkplace() {
        api.register(VILHELMINA, person("Signe", "Åström", "signe.astrom@vilhelmina.se"));
        api.register(
                VILHELMINA,
                person("Nils", "Berg", "nils.berg@vilhelmina.se")
                        .put("workplaceId", "sarkens-boende")
                        .put("workplaceName", "Särkens äldreboende"));

        var byName = api.get(PEOPLE + "?q=signe+%C3%85STR%C3%96M", coordinatorOf(VILHELMINA));
        var byWorkplace = api.get(PEOPLE + "?q=s%C3%A4rkens", coordinatorOf(VILHELMINA));
        var wildcard = api.get(PEOPLE + "?q=%25", coordinatorOf(VILHELMINA));

        assertThat(byName.json()
                        .path("items")
                        .valueStream()
                        .map(p -> p.path("familyName").asString()))
                .containsExactly("Åström");
        assertThat(byName.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(byWorkplace
                        .json()
                        .path("items")
                        .valueStream()
                        .map(p -> p.path("familyName").asString()))
                .containsExactly("Berg");
        assertThat(wildcard.json().path("items"))
                .as("a % is looked for, not a wildcard")
                .isEmpty();
    }

    @Test
    void everyReadOfAPersonalIdentityNumberIsLoggedWithWhoWhomAndWhenForThePersonAndTheCoordinators() {
        String id = api.register(
                DOROTEA,
                person("Saga", "Nyström", "saga.nystrom@dorotea.se")
                        .put("personalIdentityNumber", "19811218-9876")
                        .put("birthYear", 1981));
        String withoutNumber = api.register(
                DOROTEA, person("Ebba", "Lund", "ebba.lund@dorotea.se").put("birthYear", 1981));
        String own = personToken(DOROTEA, id, "participant");
        String log = PEOPLE + "/" + id + "/personal-number-reads";

        assertThat(api.get(PEOPLE + "/" + id + "/export", coordinatorOf(DOROTEA))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(PEOPLE + "/" + id + "/export", own).status()).isEqualTo(200);
        assertThat(api.get(PEOPLE + "/" + withoutNumber + "/export", coordinatorOf(DOROTEA))
                        .status())
                .isEqualTo(200);
        var byThePerson = api.get(log, own);
        var byTheCoordinator = api.get(log, coordinatorOf(DOROTEA));
        var byAManager = api.get(log, managerOf(DOROTEA));
        var byAColleague = api.get(log, participantOf(DOROTEA));
        var byAnotherOrganisation = api.get(log, coordinatorOf(VILHELMINA));
        var organisationsLog = api.get("/api/identity/personal-number-reads?size=100", coordinatorOf(DOROTEA));
        var organisationsLogByAManager = api.get("/api/identity/personal-number-reads", managerOf(DOROTEA));
        var anotherOrganisationsLog = api.get("/api/identity/personal-number-reads", coordinatorOf(VILHELMINA));

        assertThat(byThePerson.status()).as(byThePerson.body()).isEqualTo(200);
        assertThat(byThePerson
                        .json()
                        .path("items")
                        .valueStream()
                        .map(read -> read.path("reader").asString() + " as "
                                + read.path("readerRole").asString() + " for "
                                + read.path("purpose").asString()))
                .containsExactly(id + " as THE_PERSON for EXPORT", DOROTEA + "-samordnare as COORDINATOR for EXPORT");
        assertThat(byThePerson
                        .json()
                        .path("items")
                        .get(0)
                        .path("readerPersonId")
                        .asString())
                .isEqualTo(id);
        assertThat(byThePerson.json().path("items").get(0).path("readAt").asString())
                .isNotBlank();
        assertThat(byThePerson.body()).doesNotContain("19811218", "9876");
        assertThat(byTheCoordinator.json().path("totalItems").asLong()).isEqualTo(2);
        assertThat(byAManager.status()).isEqualTo(403);
        assertThat(byAColleague.status()).isEqualTo(403);
        assertThat(byAnotherOrganisation.status()).isEqualTo(404);
        assertThat(organisationsLog
                        .json()
                        .path("items")
                        .valueStream()
                        .map(read -> read.path("person").asString()))
                .as("a person without a number has none read")
                .contains(id)
                .doesNotContain(withoutNumber);
        assertThat(organisationsLogByAManager.status()).isEqualTo(403);
        assertThat(anotherOrganisationsLog
                        .json()
                        .path("items")
                        .valueStream()
                        .map(read -> read.path("person").asString()))
                .doesNotContain(id);
        assertThatThrownBy(() -> new JdbcTemplate(database.ownerDataSource())
                        .update("delete from personal_number_read where person_id = ?", UUID.fromString(id)))
                .as("no one changes the log, not even its owner")
                .hasMessageContaining("append-only");
    }

    @Test
    void refusesTextWithANulCharacterNamingTheFieldInsteadOfFailingInTheDatabase() {
        var inName = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Ingrid\u0000", "Lund", "ingrid.lund@vilhelmina.se").toString());
        var inWorkplace = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Ingrid", "Lund", "ingrid.lund@vilhelmina.se")
                        .put("workplaceName", "Hemtjänst\u0000 Norr")
                        .toString());
        var inTheOrganisationsName = api.put(
                "/api/identity/organisations/" + VILHELMINA,
                coordinatorOf(VILHELMINA),
                "\"1\"",
                municipality(VILHELMINA, "Vilhelmina\u0000 kommun", "2462", organisationNumber(2462))
                        .toString());

        assertThat(invalidFields(inName)).containsExactly("givenName");
        assertThat(invalidFields(inWorkplace)).containsExactly("workplaceName");
        assertThat(invalidFields(inTheOrganisationsName)).containsExactly("name");
    }

    @Test
    void aNewPersonMayTakeAChosenIdThatNoOneHasOrHadUsed() {
        String chosen = "7a1c2e4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d";

        var created = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Tove", "Rask", "tove.rask@vilhelmina.se")
                        .put("id", chosen)
                        .toString());
        var again = api.post(
                PEOPLE,
                coordinatorOf(DOROTEA),
                person("Tove", "Rask", "tove.rask@dorotea.se").put("id", chosen).toString());
        var erased = api.delete(PEOPLE + "/" + chosen, coordinatorOf(VILHELMINA));
        var afterErasure = api.post(
                PEOPLE,
                coordinatorOf(VILHELMINA),
                person("Tove", "Rask", "tove.rask@vilhelmina.se")
                        .put("id", chosen)
                        .toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("id").asString()).isEqualTo(chosen);
        assertThat(again.status())
                .as("another organisation's person has the id")
                .isEqualTo(409);
        assertThat(erased.status()).isEqualTo(204);
        assertThat(afterErasure.status())
                .as("an erased person's id is never used again")
                .isEqualTo(409);
    }
}
