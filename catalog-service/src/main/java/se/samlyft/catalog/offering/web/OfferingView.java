package se.samlyft.catalog.offering.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.catalog.offering.AudienceKind;
import se.samlyft.catalog.offering.Offering;
import se.samlyft.catalog.offering.OfferingStatus;
import se.samlyft.catalog.offering.OfferingTerms;

/**
 * An offering as the API shows it: instants in UTC, and the start and end also as local time in Sweden. The
 * audience's organisations are those the reader may see: all of them for the owner, the reader's own for a member. The
 * seats taken are those enrolment-service has reported, so they may trail a rush by the time its events take.
 */
record OfferingView(
        UUID id,
        UUID courseId,
        String owner,
        Instant enrolmentOpensAt,
        Instant enrolmentClosesAt,
        Instant startsAt,
        Instant endsAt,
        LocalDateTime startsAtLocal,
        LocalDateTime endsAtLocal,
        boolean online,
        @Nullable String municipalityCode,
        @Nullable String venue,
        int capacity,
        boolean approvalRequired,
        boolean paidWorkingTime,
        @Nullable UUID programmeId,
        AudienceKind audience,
        List<String> audienceOrganisations,
        List<QuotaView> quotas,
        int pool,
        int seatsTaken,
        int freeSeats,
        @Nullable Instant quotaReleaseAt,
        OfferingStatus status,
        long version) {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** Seats held for one member organisation. */
    record QuotaView(String tenant, int seats) {}

    static OfferingView of(Offering offering) {
        OfferingTerms terms = offering.terms();
        return new OfferingView(
                offering.id(),
                offering.courseId(),
                offering.owner().value(),
                terms.enrolmentOpensAt(),
                terms.enrolmentClosesAt(),
                terms.startsAt(),
                terms.endsAt(),
                LocalDateTime.ofInstant(terms.startsAt(), SWEDEN),
                LocalDateTime.ofInstant(terms.endsAt(), SWEDEN),
                terms.location().online(),
                terms.location().municipalityCode(),
                terms.location().venue(),
                terms.capacity(),
                terms.approvalRequired(),
                terms.paidWorkingTime(),
                terms.programmeId(),
                terms.audience(),
                offering.audienceTenants().stream()
                        .map(tenant -> tenant.value())
                        .toList(),
                terms.quotas().stream()
                        .map(quota -> new QuotaView(quota.member().value(), quota.seats()))
                        .toList(),
                terms.pool(),
                offering.seatsTaken(),
                offering.freeSeats(),
                terms.quotaReleaseAt(),
                offering.status(),
                offering.version());
    }
}
