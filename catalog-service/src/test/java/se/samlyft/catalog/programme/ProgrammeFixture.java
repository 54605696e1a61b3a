package se.samlyft.catalog.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** "Välfärdsteknologi i omsorgen", ESF project 2020/00194 of Akademi Norr, as test data. */
public final class ProgrammeFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProgrammeFixture() {}

    /** The programme as a request body, under the number given so that each test registers its own. */
    public static ObjectNode valfardsteknologi(String number) {
        return JSON.createObjectNode()
                .put("number", number)
                .put("name", "Välfärdsteknologi i omsorgen")
                .put("funder", "ESF")
                .put("region", "Övre Norrland")
                .put("start", "2020-08-01")
                .put("end", "2022-12-31")
                .put("totalBudgetSek", 6_388_583)
                .put("grantSek", 2_993_347)
                .put("coFinancingRatePercent", 50)
                .put("plannedParticipants", 460)
                .put("programmeArea", "1")
                .put("specificObjective", "1.1")
                .put("interventionType", "117");
    }

    /**
     * The programme under the number given, with a period around the offerings of the tests (March 2026 to February
     * 2028), so that they may name it as their funding.
     */
    public static ObjectNode current(String number) {
        return valfardsteknologi(number).put("start", "2026-03-01").put("end", "2028-02-29");
    }

    /** The programme's terms as the domain holds them, with the planned participants given. */
    public static ProgrammeTerms valfardsteknologi(int plannedParticipants) {
        return new ProgrammeTerms(
                "2020/00194",
                "Välfärdsteknologi i omsorgen",
                Funder.ESF,
                "Övre Norrland",
                LocalDate.of(2020, 8, 1),
                LocalDate.of(2022, 12, 31),
                6_388_583,
                2_993_347,
                new BigDecimal("50"),
                plannedParticipants,
                new FunderCodes("1", "1.1", "117"),
                List.of());
    }
}
