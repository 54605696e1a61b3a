package se.samlyft.reporting.report;

import java.time.LocalDate;
import java.time.YearMonth;

/** Days from {@code from} to {@code to}, both included. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    public YearMonth firstMonth() {
        return YearMonth.from(from);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(to);
    }
}
