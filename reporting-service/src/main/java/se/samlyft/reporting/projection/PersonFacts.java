package se.samlyft.reporting.projection;

import java.util.UUID;

/**
 * Reporting's reading of {@code person-registered.v1} and {@code person-changed.v1}: what the reports break
 * participation down by. Events carry no name, e-mail or personal identity number.
 */
public record PersonFacts(
        UUID personId,
        String organisation,
        long version,
        String workplaceId,
        String workplaceName,
        String occupation,
        String sex,
        int birthYear,
        String educationLevel) {

    public PersonFacts {
        Slug.require(organisation, "organisation");
        Slug.require(workplaceId, "workplaceId");
        Versions.require(version);
        if (birthYear < 1900 || birthYear > 2100) {
            throw new IllegalArgumentException("A birth year lies in 1900..2100, not " + birthYear);
        }
    }
}
