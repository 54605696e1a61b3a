package se.samlyft.reporting.projection;

import java.time.LocalDate;
import java.util.UUID;

/** Reporting's reading of {@code person-left.v1}. */
public record PersonLeft(UUID personId, String organisation, long version, LocalDate leftOn) {

    public PersonLeft {
        Slug.require(organisation, "organisation");
        Versions.require(version);
    }
}
