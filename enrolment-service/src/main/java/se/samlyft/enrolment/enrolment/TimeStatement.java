package se.samlyft.enrolment.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import se.samlyft.platform.problem.InvalidInput;

/**
 * The hours of study or attendance of one enrolment in one calendar month, as the participant confirmed them, and the
 * part of them on paid working time. A correction of a confirmed month is a new revision.
 */
public record TimeStatement(
        YearMonth month, BigDecimal hours, BigDecimal paidWorkingTimeHours, int revision, Instant confirmedAt) {

    /** No month has more hours than this (31 days of 24 hours). */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(744);

    public TimeStatement {
        if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new InvalidInput("hours", "must be between 0 and 744");
        }
        if (hours.scale() > 2) {
            throw new InvalidInput("hours", "must have at most two decimals");
        }
        if (paidWorkingTimeHours.signum() < 0) {
            throw new InvalidInput("paidWorkingTimeHours", "must not be negative");
        }
        if (paidWorkingTimeHours.scale() > 2) {
            throw new InvalidInput("paidWorkingTimeHours", "must have at most two decimals");
        }
        if (paidWorkingTimeHours.compareTo(hours) > 0) {
            throw new InvalidInput("paidWorkingTimeHours", "must not exceed hours");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("A revision counts from 1");
        }
    }

    /** Whether this statement states the same hours as {@code other}. */
    public boolean sameHoursAs(TimeStatement other) {
        return hours.compareTo(other.hours) == 0 && paidWorkingTimeHours.compareTo(other.paidWorkingTimeHours) == 0;
    }
}
