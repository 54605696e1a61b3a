package se.samlyft.reporting.projection;

import org.jspecify.annotations.Nullable;

/**
 * Reporting's reading of {@code organisation-registered.v1} and {@code organisation-changed.v1}: the organisation as it
 * is now, with the kind of employer that the paid-time evidence splits by.
 */
public record OrganisationFacts(
        String tenant,
        long version,
        String kind,
        String name,
        String organisationNumber,
        Employer employer,
        @Nullable String municipalityCode) {

    public OrganisationFacts {
        Slug.require(tenant, "tenant");
        Versions.require(version);
        if (name.isBlank()) {
            throw new IllegalArgumentException("An organisation has a name");
        }
    }
}
