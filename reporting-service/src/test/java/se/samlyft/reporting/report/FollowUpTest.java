package se.samlyft.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final ProgrammeTarget VALFARDSTEKNOLOGI = new ProgrammeTarget(
            UUID.randomUUID(),
            "2020/00194",
            "Välfärdsteknologi i omsorgen",
            LocalDate.of(2020, 8, 1),
            LocalDate.of(2022, 12, 31),
            460);

    @Test
    void comparesActualParticipantsWithThePlannedInWholePercent() {
        FollowUp followUp = FollowUp.of(VALFARDSTEKNOLOGI, null, participation(1000, 1200, 900), Map.of(), null);

        assertThat(followUp.percentOfPlanned()).isEqualByComparingTo("217");
        assertThat(followUp.completionRatePercent()).isEqualByComparingTo("75.0");
    }

    @Test
    void givesTheShareOfEvaluationsRating4Or5() {
        FollowUp followUp = FollowUp.of(null, null, participation(10, 10, 10), Map.of(), null);

        assertThat(followUp.shareRating4Or5Percent()).isEqualByComparingTo("88.9");
        assertThat(followUp.percentOfPlanned())
                .as("no programme to compare with")
                .isNull();
    }

    @Test
    void leavesRatesOutWhereNothingWasCounted() {
        FollowUp followUp = FollowUp.of(
                VALFARDSTEKNOLOGI,
                null,
                new Participation(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0),
                Map.of(),
                null);

        assertThat(followUp.completionRatePercent()).isNull();
        assertThat(followUp.shareRating4Or5Percent()).isNull();
        assertThat(followUp.percentOfPlanned()).isEqualByComparingTo("0");
    }

    @Test
    void hidesSmallCountsOnlyInSensitiveBreakdowns() {
        Map<Dimension, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put(Dimension.SEX, Map.of("WOMAN", 14L, "MAN", 4L, "NON_BINARY", 1L));
        counts.put(Dimension.WORKPLACE, Map.of("Hemtjänst Centrum", 2L));

        FollowUp followUp = FollowUp.of(null, null, participation(19, 19, 10), counts, new SmallCounts(5));

        Breakdown sex = followUp.breakdowns().get(0);
        assertThat(sex.counts().get("WOMAN")).hasToString("14");
        assertThat(sex.counts().get("MAN")).hasToString("<5");
        assertThat(sex.counts().get("NON_BINARY")).hasToString("<5");
        assertThat(sex.counts().get("MAN").value())
                .as("the exact count stays inside")
                .isEqualTo(4);
        assertThat(followUp.breakdowns().get(1).counts().get("Hemtjänst Centrum"))
                .hasToString("2");
        assertThat(followUp.participation().participants())
                .as("totals stay exact")
                .isEqualTo(19);
    }

    @Test
    void followsTheConfiguredThreshold() {
        assertThat(new SmallCounts(3).show(Dimension.AGE_BAND, 2)).hasToString("<3");
        assertThat(new SmallCounts(3).show(Dimension.AGE_BAND, 3)).hasToString("3");
        assertThatThrownBy(() -> new SmallCounts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesCountsWhosePartsExceedTheWhole() {
        assertThatThrownBy(() -> new Participation(1, 1, 1, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Participation(1, 1, 0, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Participation participation(long participants, long started, long completed) {
        return new Participation(
                participants, started, 0, completed, 0, new BigDecimal("1234.5"), new BigDecimal("800"), 9, 8);
    }
}
