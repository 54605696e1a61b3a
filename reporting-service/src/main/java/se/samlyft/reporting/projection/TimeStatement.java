package se.samlyft.reporting.projection;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Reporting's reading of the extra properties of {@code time-statement-confirmed.v1}: the hours of one month, of which
 * some on paid working time; a revision above 1 corrects a month confirmed before.
 */
public record TimeStatement(YearMonth month, BigDecimal hours, BigDecimal paidWorkingTimeHours, int revision) {

    public TimeStatement {
        if (hours.signum() < 0 || paidWorkingTimeHours.signum() < 0 || paidWorkingTimeHours.compareTo(hours) > 0) {
            throw new IllegalArgumentException("Hours are not negative, and paid hours are at most the hours");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("A revision is at least 1, not " + revision);
        }
    }

    public boolean corrects() {
        return revision > 1;
    }
}
