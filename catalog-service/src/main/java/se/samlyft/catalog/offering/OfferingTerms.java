package se.samlyft.catalog.offering;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What a coordinator decides about one run of a course: the enrolment window, the start and end (UTC instants),
 * the location, the capacity, whether a manager must approve and whether it is on paid working time, the programme
 * that funds it, its audience, and for a joint offering the quotas per member (in the order of their tenant ids)
 * and when they are released. The seats
 * not held by a quota form the shared pool, so quotas and pool never exceed the capacity.
 */
public record OfferingTerms(
        Instant enrolmentOpensAt,
        Instant enrolmentClosesAt,
        Instant startsAt,
        Instant endsAt,
        Location location,
        int capacity,
        boolean approvalRequired,
        boolean paidWorkingTime,
        @Nullable UUID programmeId,
        AudienceKind audience,
        List<TenantId> namedOrganisations,
        List<Quota> quotas,
        @Nullable Instant quotaReleaseAt) {

    public OfferingTerms {
        required(enrolmentOpensAt, "enrolmentOpensAt");
        required(enrolmentClosesAt, "enrolmentClosesAt");
        required(startsAt, "startsAt");
        required(endsAt, "endsAt");
        if (location == null) {
            throw new InvalidInput("online", "must be given");
        }
        if (audience == null) {
            throw new InvalidInput("audience", "must be one of OWN_STAFF, FEDERATION_MEMBERS, NAMED");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInput("endsAt", "must be after the start");
        }
        if (enrolmentOpensAt.isAfter(startsAt)) {
            throw new InvalidInput("enrolmentOpensAt", "must not be after the start");
        }
        if (!enrolmentClosesAt.isAfter(enrolmentOpensAt)) {
            throw new InvalidInput("enrolmentClosesAt", "must be after enrolment opens");
        }
        if (enrolmentClosesAt.isAfter(endsAt)) {
            throw new InvalidInput("enrolmentClosesAt", "must not be after the end");
        }
        if (capacity < 1) {
            throw new InvalidInput("capacity", "must be at least 1");
        }
        namedOrganisations = List.copyOf(namedOrganisations == null ? List.of() : namedOrganisations);
        quotas = quotas == null
                ? List.of()
                : quotas.stream()
                        .sorted(Comparator.comparing(quota -> quota.member().value()))
                        .toList();
        if (audience == AudienceKind.NAMED && namedOrganisations.isEmpty()) {
            throw new InvalidInput("namedOrganisations", "must name at least one organisation for a NAMED audience");
        }
        if (audience != AudienceKind.NAMED && !namedOrganisations.isEmpty()) {
            throw new InvalidInput("namedOrganisations", "are given only for a NAMED audience");
        }
        if (new HashSet<>(namedOrganisations).size() != namedOrganisations.size()) {
            throw new InvalidInput("namedOrganisations", "must name each organisation once");
        }
        Set<TenantId> withQuota = new HashSet<>();
        long held = 0;
        for (Quota quota : quotas) {
            if (!withQuota.add(quota.member())) {
                throw new InvalidInput("quotas", "must hold one quota per organisation");
            }
            held += quota.seats();
        }
        if (held > capacity) {
            throw new InvalidInput("quotas", "hold " + held + " seats, more than the capacity of " + capacity);
        }
        if (quotas.isEmpty() && quotaReleaseAt != null) {
            throw new InvalidInput("quotaReleaseAt", "is given only with quotas");
        }
        if (quotaReleaseAt != null && quotaReleaseAt.isAfter(enrolmentClosesAt)) {
            throw new InvalidInput("quotaReleaseAt", "must not be after enrolment closes");
        }
    }

    /**
     * These terms with the quotas of organisations outside {@code members} dropped, their seats going to the pool; the
     * release date goes too when no quota is left.
     */
    public OfferingTerms withQuotasOnlyFor(Set<TenantId> members) {
        List<Quota> kept = quotas.stream()
                .filter(quota -> members.contains(quota.member()))
                .toList();
        return new OfferingTerms(
                enrolmentOpensAt,
                enrolmentClosesAt,
                startsAt,
                endsAt,
                location,
                capacity,
                approvalRequired,
                paidWorkingTime,
                programmeId,
                audience,
                namedOrganisations,
                kept,
                kept.isEmpty() ? null : quotaReleaseAt);
    }

    /** The seats no quota holds, open to anyone of the audience. */
    public int pool() {
        return capacity - quotas.stream().mapToInt(Quota::seats).sum();
    }

    private static void required(@Nullable Instant value, String field) {
        if (value == null) {
            throw new InvalidInput(field, "must be given");
        }
    }
}
