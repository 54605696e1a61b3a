package se.samlyft.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The properties every enrolment event carries, as reporting reads them. */
public record EnrolmentFacts(
        UUID enrolmentId,
        long version,
        UUID personId,
        String organisation,
        UUID offeringId,
        UUID courseId,
        String offeringOwner,
        @Nullable UUID programmeId,
        String state,
        Instant occurredAt) {

    /** The reports count days and months as they are in Sweden. */
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public EnrolmentFacts {
        Slug.require(organisation, "organisation");
        Slug.require(offeringOwner, "offeringOwner");
        Versions.require(version);
    }

    /** The day in Sweden the event happened. */
    public LocalDate occurredOn() {
        return LocalDate.ofInstant(occurredAt, SWEDEN);
    }
}
