package se.samlyft.catalog.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
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
