package se.samlyft.reporting.report.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samlyft.reporting.report.Breakdown;
import se.samlyft.reporting.report.Dimension;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.Participation;
import se.samlyft.reporting.report.Period;
import se.samlyft.reporting.report.ProgrammeTarget;

/**
 * A follow-up as JSON. In {@code breakdowns}, each count is a number, or a text such as {@code "<5"} where it is
 * hidden; {@code smallCountThreshold} says which threshold hid them (null when nothing is hidden by rule).
 */
record FollowUpView(
        @Nullable ProgrammeTarget programme,
        @Nullable Period period,
        long participants,
        @Nullable Integer plannedParticipants,
        @Nullable BigDecimal percentOfPlanned,
        long started,
        long ongoing,
        long completed,
        long withdrawn,
        @Nullable BigDecimal completionRatePercent,
        BigDecimal hours,
        BigDecimal paidWorkingTimeHours,
        long evaluations,
        long evaluationsRating4Or5,
        @Nullable BigDecimal shareRating4Or5Percent,
        @Nullable Integer smallCountThreshold,
        Map<Dimension, Map<String, Object>> breakdowns) {

    static FollowUpView of(FollowUp report, @Nullable Integer smallCountThreshold) {
        Participation counts = report.participation();
        Map<Dimension, Map<String, Object>> breakdowns = new LinkedHashMap<>();
        for (Breakdown breakdown : report.breakdowns()) {
            Map<String, Object> values = new LinkedHashMap<>();
            breakdown
                    .counts()
                    .forEach((value, count) ->
                            values.put(value, count.hidden() ? count.toString() : Long.valueOf(count.value())));
            breakdowns.put(breakdown.dimension(), values);
        }
        return new FollowUpView(
                report.programme(),
                report.period(),
                counts.participants(),
                report.programme() == null ? null : report.programme().plannedParticipants(),
                report.percentOfPlanned(),
                counts.started(),
                counts.ongoing(),
                counts.completed(),
                counts.withdrawn(),
                report.completionRatePercent(),
                counts.hours(),
                counts.paidHours(),
                counts.evaluations(),
                counts.evaluationsRating4Or5(),
                report.shareRating4Or5Percent(),
                smallCountThreshold,
                breakdowns);
    }
}
