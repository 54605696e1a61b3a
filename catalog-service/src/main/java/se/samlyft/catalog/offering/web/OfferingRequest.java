package se.samlyft.catalog.offering.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.catalog.offering.AudienceKind;
import se.samlyft.catalog.offering.Location;
import se.samlyft.catalog.offering.OfferingTerms;
import se.samlyft.catalog.offering.Quota;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * An offering as a coordinator schedules or changes it; instants in UTC or with an offset. The course cannot change
 * once the offering is scheduled.
 */
record OfferingRequest(
        @NotNull UUID courseId,
        @NotNull Instant enrolmentOpensAt,
        @NotNull Instant enrolmentClosesAt,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        boolean online,
        @Nullable String municipalityCode,
        @Nullable @Size(max = 200) String venue,
        @NotNull Integer capacity,
        boolean approvalRequired,
        boolean paidWorkingTime,
        @Nullable UUID programmeId,
        @NotNull AudienceKind audience,
        @Nullable List<String> namedOrganisations,
        @Nullable List<@Valid QuotaRequest> quotas,
        @Nullable Instant quotaReleaseAt) {

    /** Seats held for one member organisation. */
    record QuotaRequest(@NotNull String tenant, @NotNull Integer seats) {}

    OfferingTerms toTerms() {
        return new OfferingTerms(
                enrolmentOpensAt,
                enrolmentClosesAt,
                startsAt,
                endsAt,
                new Location(online, municipalityCode, venue),
                capacity,
                approvalRequired,
                paidWorkingTime,
                programmeId,
                audience,
                namedOrganisations == null
                        ? List.of()
                        : namedOrganisations.stream()
                                .map(named -> tenant(named, "namedOrganisations"))
                                .toList(),
                quotas == null
                        ? List.of()
                        : quotas.stream()
                                .map(quota -> new Quota(tenant(quota.tenant(), "quotas"), quota.seats()))
                                .toList(),
                quotaReleaseAt);
    }

    private static TenantId tenant(String value, String field) {
        try {
            return TenantId.of(value);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInput(field, "must name organisations by their tenant id, not '" + value + "'");
        }
    }
}
