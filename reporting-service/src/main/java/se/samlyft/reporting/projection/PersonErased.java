package se.samlyft.reporting.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * Reporting's reading of {@code person-erased.v1}: the read model drops the person's id and birth year and keeps,
 * under the pseudonym, only what the aggregates count.
 */
public record PersonErased(UUID personId, String organisation, long version, Instant erasedAt) {

    public PersonErased {
        Slug.require(organisation, "organisation");
        Versions.require(version);
    }
}
