package se.samlyft.reporting.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up of participation: for a programme (planned against actual participants), or for a federation over a
 * period. Percentages are derived from the counts here, so the JSON and the exports cannot disagree.
 *
 * @param programme the programme measured against, if the reader may see it
 * @param period the period covered, if the report covers one
 * @param percentOfPlanned actual participants in percent of the planned ones, rounded to a whole percent
 * @param completionRatePercent completed enrolments in percent of those started
 * @param shareRating4Or5Percent evaluations rating 4 or 5 in percent of all evaluations
 */
public record FollowUp(
        @Nullable ProgrammeTarget programme,
        @Nullable Period period,
        Participation participation,
        @Nullable BigDecimal percentOfPlanned,
        @Nullable BigDecimal completionRatePercent,
        @Nullable BigDecimal shareRating4Or5Percent,
        List<Breakdown> breakdowns) {

    public FollowUp {
        breakdowns = List.copyOf(breakdowns);
    }

    /**
     * The follow-up of raw counts; breakdowns by a sensitive dimension hide small counts by {@code rule}, the others
     * and every total stay exact.
     */
    public static FollowUp of(
            @Nullable ProgrammeTarget programme,
            @Nullable Period period,
            Participation participation,
            Map<Dimension, Map<String, Long>> counts,
            @Nullable SmallCounts rule) {
        List<Breakdown> breakdowns = counts.entrySet().stream()
                .map(entry -> rule == null
                        ? Breakdown.exact(entry.getKey(), entry.getValue())
                        : Breakdown.of(entry.getKey(), entry.getValue(), rule))
                .toList();
        return new FollowUp(
                programme,
                period,
                participation,
                programme == null ? null : Percent.of(participation.participants(), programme.plannedParticipants(), 0),
                Percent.of(participation.completed(), participation.started()),
                Percent.of(participation.evaluationsRating4Or5(), participation.evaluations()),
                breakdowns);
    }
}
