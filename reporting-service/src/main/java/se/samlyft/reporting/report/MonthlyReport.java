package se.samlyft.reporting.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The funder's monthly participant report of a programme: who started in the month, who ended in it, and each
 * participant's hours of the month. A correction (revision above 1) of a month's hours marks that month and every
 * later one for resubmission, so {@code correctedMonths} lists the corrected months up to this one.
 */
public record MonthlyReport(
        UUID programmeId,
        YearMonth month,
        List<Started> started,
        List<Ended> ended,
        List<Hours> hours,
        List<YearMonth> correctedMonths) {

    public MonthlyReport {
        started = List.copyOf(started);
        ended = List.copyOf(ended);
        hours = List.copyOf(hours);
        correctedMonths = List.copyOf(correctedMonths);
        if (correctedMonths.stream().anyMatch(corrected -> corrected.isAfter(month))) {
            throw new IllegalArgumentException("Only a correction of this month or an earlier one marks this month");
        }
    }

    /** Whether the month must be submitted again because it, or an earlier month, was corrected. */
    public boolean resubmission() {
        return !correctedMonths.isEmpty();
    }

    /** A participant as the funder sees one: the person id (null once erased) and the pseudonym. */
    public record Participant(@Nullable UUID personId, UUID participant, String organisation) {}

    public record Started(
            Participant participant,
            LocalDate startedOn,
            @Nullable String sex,
            @Nullable String ageBand,
            @Nullable String educationLevel) {}

    public record Ended(Participant participant, LocalDate endedOn, String state) {}

    public record Hours(Participant participant, BigDecimal hours, BigDecimal paidHours) {}
}
