package se.samlyft.enrolment.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.problem.Conflict;
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

    /**
     * The statement of {@code month} the participant confirms at {@code at}: a month from {@code firstMonth} (the
     * course's start) to {@code currentMonth}, hours on paid working time only for an offering on paid working time,
     * and the next revision of a month confirmed before with other hours.
     *
     * @param previous the month's statement confirmed before, if any
     */
    static TimeStatement confirmed(
            YearMonth month,
            BigDecimal hours,
            BigDecimal paidWorkingTimeHours,
            @Nullable TimeStatement previous,
            Offering offering,
            YearMonth firstMonth,
            YearMonth currentMonth,
            Instant at) {
        if (month.isAfter(currentMonth)) {
            throw new InvalidInput("month", "must not be in the future");
        }
        if (month.isBefore(firstMonth)) {
            throw new InvalidInput("month", "must not be before the course started (" + firstMonth + ")");
        }
        if (!offering.paidWorkingTime() && paidWorkingTimeHours.signum() > 0) {
            throw new InvalidInput("paidWorkingTimeHours", "must be 0: the offering is not on paid working time");
        }
        TimeStatement statement = new TimeStatement(
                month, hours, paidWorkingTimeHours, previous == null ? 1 : previous.revision() + 1, at);
        if (previous != null && previous.sameHoursAs(statement)) {
            throw new Conflict("The statement for " + month + " is confirmed already with these hours.");
        }
        return statement;
    }

    /** Whether this statement states the same hours as {@code other}. */
    public boolean sameHoursAs(TimeStatement other) {
        return hours.compareTo(other.hours) == 0 && paidWorkingTimeHours.compareTo(other.paidWorkingTimeHours) == 0;
    }
}
