package se.samlyft.reporting.report.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samlyft.reporting.report.Breakdown;
import se.samlyft.reporting.report.Dimension;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.Participation;
import se.samlyft.reporting.report.Period;
import se.samlyft.reporting.report.ProgrammeTarget;
import se.samlyft.reporting.report.Reports;

/**
 * A follow-up as JSON. In {@code breakdowns}, each count is a number, or a text such as {@code "<5"} where it is
 * hidden; {@code smallCountThreshold} says which threshold hid them (null when nothing is hidden by rule). A
 * programme's follow-up also has {@code participantsByMonth} (who had begun by the end of each month of its period so
 * far) and {@code hoursOutsidePeriod}: hours confirmed for months outside the programme's period, which the totals
 * include and the funder does not pay for.
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
        Map<Dimension, Map<String, Object>> breakdowns,
        List<MonthView> participantsByMonth,
        @Nullable BigDecimal hoursOutsidePeriod,
        @Nullable BigDecimal paidWorkingTimeHoursOutsidePeriod) {

    /** The participants who had begun by the end of a month. */
    record MonthView(String month, long participants) {}

    static FollowUpView of(FollowUp report, @Nullable Integer smallCountThreshold) {
        return of(report, smallCountThreshold, List.of(), null);
    }

    static FollowUpView of(
            FollowUp report,
            @Nullable Integer smallCountThreshold,
            List<Reports.MonthCount> participantsByMonth,
            Reports.@Nullable HoursOutside outside) {
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
                breakdowns,
                participantsByMonth.stream()
                        .map(month -> new MonthView(month.month().toString(), month.participants()))
                        .toList(),
                outside == null ? null : outside.hours(),
                outside == null ? null : outside.paidHours());
    }
}
