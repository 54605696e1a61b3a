package se.samlyft.enrolment.enrolment.web;

import java.math.BigDecimal;
import java.time.Instant;
import se.samlyft.enrolment.enrolment.TimeStatement;

/** A month's confirmed hours as the API shows them. */
record TimeStatementView(
        String month, BigDecimal hours, BigDecimal paidWorkingTimeHours, int revision, Instant confirmedAt) {

    static TimeStatementView of(TimeStatement statement) {
        return new TimeStatementView(
                statement.month().toString(),
                statement.hours(),
                statement.paidWorkingTimeHours(),
                statement.revision(),
                statement.confirmedAt());
    }
}
