package se.samlyft.reporting.report;

import java.math.BigDecimal;

/**
 * The raw counts of a follow-up, before any percentage: distinct participants who started, enrolments that started,
 * are ongoing, completed or were withdrawn after the start, hours in all and on paid working time, and evaluations.
 */
public record Participation(
        long participants,
        long started,
        long ongoing,
        long completed,
        long withdrawn,
        BigDecimal hours,
        BigDecimal paidHours,
        long evaluations,
        long evaluationsRating4Or5) {

    public Participation {
        if (participants < 0 || started < 0 || ongoing < 0 || completed < 0 || withdrawn < 0 || evaluations < 0) {
            throw new IllegalArgumentException("Counts are not negative");
        }
        if (evaluationsRating4Or5 > evaluations || ongoing + completed + withdrawn > started) {
            throw new IllegalArgumentException("A part is not larger than its whole");
        }
    }
}
