package se.samlyft.catalog.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOfFederation;
import static se.samlyft.catalog.programme.ProgrammeFixture.current;
import static se.samlyft.catalog.programme.ProgrammeFixture.valfardsteknologi;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;
import tools.jackson.databind.node.ObjectNode;

class ProgrammeApiTest extends AgainstTheCatalog {

    private static final String PROGRAMMES = "/api/catalog/programmes";
    private static final String AKADEMI_NORR = "akademi-norr";

    @Test
    void federationCoordinatorRegistersAProgrammeThatItsMembersStaffMayRead() {
        var registered = api.post(
                PROGRAMMES,
                federationCoordinatorOf(AKADEMI_NORR),
                valfardsteknologi("2020/00194").toString());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("ETag")).isEqualTo("\"1\"");
        var read = api.get(registered.header("Location"), participantOf(AKADEMI_NORR));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asString()).isEqualTo("Välfärdsteknologi i omsorgen");
        assertThat(read.json().path("grantSek").asLong()).isEqualTo(2_993_347);
        assertThat(read.json().path("coFinancingRatePercent").decimalValue()).isEqualByComparingTo("50");
        assertThat(read.json().path("interventionType").asString()).isEqualTo("117");
        assertThat(api.get(registered.header("Location"), participantOf("arvidsjaur"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void amendingNeedsTheCurrentETag() {
        String coordinator = coordinatorOf("stromsund");
        var registered = api.post(
                PROGRAMMES, coordinator, valfardsteknologi("2021/00001").toString());
        String location = registered.header("Location");
        String amended =
                valfardsteknologi("2021/00001").put("plannedParticipants", 500).toString();

        var missing = api.put(location, coordinator, null, amended);
        var current = api.put(location, coordinator, "\"1\"", amended);
        var stale = api.put(location, coordinator, "\"1\"", amended);

        assertThat(missing.status()).isEqualTo(428);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("plannedParticipants").asInt()).isEqualTo(500);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void listsTheOrganisationsProgrammesByOwnerAndPeriodAndAFederationAlsoItsMembers() {
        String norsjo = coordinatorOf("norsjo");
        String older = idOf(
                api.post(PROGRAMMES, norsjo, valfardsteknologi("2020/00201").toString()));
        String newer = idOf(api.post(PROGRAMMES, norsjo, current("2026/00202").toString()));
        String federations = idOf(api.post(
                PROGRAMMES,
                federationCoordinatorOf(AKADEMI_NORR),
                current("2026/00203").toString()));
        String elsewhere = idOf(api.post(
                PROGRAMMES, coordinatorOf("kiruna"), current("2026/00204").toString()));

        var own = api.get(PROGRAMMES + "?size=100", participantOf("norsjo")).json();
        var inPeriod =
                api.get(PROGRAMMES + "?from=2025-01-01&to=2026-12-31", norsjo).json();
        var ofTheFederation = api.get(PROGRAMMES + "?size=100", federationCoordinatorOf(AKADEMI_NORR))
                .json();
        var ofOneMember = api.get(PROGRAMMES + "?owner=norsjo&size=100", federationCoordinatorOf(AKADEMI_NORR))
                .json();

        assertThat(ids(own)).containsExactly(newer, older);
        assertThat(own.path("totalItems").asLong()).isEqualTo(2);
        assertThat(ids(inPeriod)).containsExactly(newer);
        assertThat(ids(ofTheFederation)).contains(older, newer, federations).doesNotContain(elsewhere);
        assertThat(ids(ofOneMember)).containsExactly(newer, older);
        assertThat(api.get(PROGRAMMES + "/" + newer, federationCoordinatorOf(AKADEMI_NORR))
                        .status())
                .as("a federation reads its members' programmes, which may fund its offerings")
                .isEqualTo(200);
        assertThat(api.get(PROGRAMMES + "/" + federations, coordinatorOf("norsjo"))
                        .status())
                .as("but a member does not read the federation's, nor another member's")
                .isEqualTo(404);
        assertThat(api.get(PROGRAMMES + "?from=2027-01-01&to=2026-01-01", norsjo)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aProgrammeNamesItsPartners() {
        ObjectNode project = current("2026/00205");
        project.putArray("partners").add("god-assistans-i-norr");
        ObjectNode owner = current("2026/00206");
        owner.putArray("partners").add("pitea");
        ObjectNode malformed = current("2026/00207");
        malformed.putArray("partners").add("God Assistans");

        var registered = api.post(PROGRAMMES, coordinatorOf("pitea"), project.toString());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(api.get(registered.header("Location"), participantOf("pitea"))
                        .json()
                        .path("partners")
                        .get(0)
                        .asString())
                .isEqualTo("god-assistans-i-norr");
        assertThat(api.post(PROGRAMMES, coordinatorOf("pitea"), owner.toString())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(PROGRAMMES, coordinatorOf("pitea"), malformed.toString())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aPeriodThatWouldLeaveOutAnOfferingTheProgrammeFundsIsAConflictEvenForTheFederationsOffering() {
        String arvidsjaur = coordinatorOf("arvidsjaur");
        ObjectNode terms = current("2026/00208");
        var registered = api.post(PROGRAMMES, arvidsjaur, terms.toString());
        String location = registered.header("Location");
        ObjectNode joint = hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR))
                .put("audience", "FEDERATION_MEMBERS")
                .put("programmeId", idOf(registered));
        var funded = api.post("/api/catalog/offerings", federationCoordinatorOf(AKADEMI_NORR), joint.toString());
        assertThat(funded.status()).as(funded.body()).isEqualTo(201);

        var shortened = api.put(
                location,
                arvidsjaur,
                "\"1\"",
                terms.deepCopy().put("end", "2026-10-31").toString());
        var lengthened = api.put(
                location,
                arvidsjaur,
                "\"1\"",
                terms.deepCopy().put("end", "2028-12-31").toString());

        assertThat(shortened.status()).isEqualTo(409);
        assertThat(shortened.json().path("detail").asString())
                .contains(funded.json().path("id").asString());
        assertThat(lengthened.status()).isEqualTo(200);
    }

    @Test
    void onlyCoordinatorsRegisterProgrammes() {
        var refused = api.post(
                PROGRAMMES,
                participantOf("stromsund"),
                valfardsteknologi("2021/00002").toString());

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void refusesANumberItsOwnerHasRegisteredAlready() {
        String coordinator = coordinatorOf("kramfors");
        api.post(PROGRAMMES, coordinator, valfardsteknologi("2021/00003").toString());

        var duplicate = api.post(
                PROGRAMMES, coordinator, valfardsteknologi("2021/00003").toString());

        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00004").put("end", "2019-12-31")))
                .containsExactly("end");
    }

    @Test
    void refusesAGrantAboveTheBudget() {
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00005").put("grantSek", 7_000_000)))
                .containsExactly("grantSek");
    }

    @Test
    void refusesARateAboveAHundredPercentNoParticipantsANegativeBudgetAndAnUnknownFunder() {
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00006").put("coFinancingRatePercent", 120)))
                .containsExactly("coFinancingRatePercent");
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00006").put("plannedParticipants", 0)))
                .containsExactly("plannedParticipants");
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00006").put("totalBudgetSek", -1)))
                .contains("totalBudgetSek");
        assertThat(fieldsOfRefused(valfardsteknologi("2021/00006").put("funder", "KOMMUNEN")))
                .containsExactly("funder");
    }

    private static String idOf(se.samlyft.testsupport.TestHttp.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<String> ids(tools.jackson.databind.JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    private List<String> fieldsOfRefused(ObjectNode programme) {
        var refused = api.post(PROGRAMMES, coordinatorOf("kramfors"), programme.toString());
        assertThat(refused.status()).isEqualTo(400);
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }
}
