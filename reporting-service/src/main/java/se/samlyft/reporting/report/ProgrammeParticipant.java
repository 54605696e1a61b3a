package se.samlyft.reporting.report;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One participant of a programme as its owner reports them to the funder: the person, their organisation, the month
 * they first began an enrolment in the programme and, once every enrolment they began has ended, the month the last
 * one ended.
 *
 * @param endMonth null while any of the person's enrolments in the programme is still going on
 */
public record ProgrammeParticipant(
        UUID personId,
        String organisation,
        YearMonth startMonth,
        @Nullable YearMonth endMonth) {

    public ProgrammeParticipant {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(startMonth, "startMonth");
        if (endMonth != null && endMonth.isBefore(startMonth)) {
            throw new IllegalArgumentException("A participation does not end before it starts");
        }
    }
}
