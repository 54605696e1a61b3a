package se.samlyft.reporting.projection;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Reporting's reading of {@code programme-registered.v1} and {@code programme-changed.v1}: what the follow-up compares
 * against.
 */
public record ProgrammeFacts(
        UUID programmeId,
        String owner,
        long version,
        String number,
        String name,
        String funder,
        LocalDate startDate,
        LocalDate endDate,
        int plannedParticipants) {

    public ProgrammeFacts {
        Slug.require(owner, "owner");
        Versions.require(version);
        if (endDate.isBefore(startDate) || plannedParticipants < 1) {
            throw new IllegalArgumentException("A programme ends after it starts and plans for participants");
        }
    }
}
