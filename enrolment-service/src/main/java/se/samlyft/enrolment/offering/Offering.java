package se.samlyft.enrolment.offering;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The local copy of one offering, as the catalog's newest event described it: the enrolment window, start and end,
 * the seats (capacity, quotas per member organisation, the shared pool and when unused quotas return to it), who may
 * enrol, and whether a manager must approve and the time is paid working time.
 */
public record Offering(
        UUID id,
        UUID courseId,
        TenantId owner,
        @Nullable UUID programmeId,
        Instant enrolmentOpensAt,
        Instant enrolmentClosesAt,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        Map<TenantId, Integer> quotas,
        int pool,
        @Nullable Instant quotaReleaseAt,
        List<TenantId> audience,
        boolean approvalRequired,
        boolean paidWorkingTime,
        boolean cancelled,
        long version) {

    /** How long a seat is held for a manager's decision at most; never past the offering's start. */
    public static final Duration APPROVAL_HOLD = Duration.ofDays(7);

    public Offering {
        quotas = Map.copyOf(quotas);
        audience = List.copyOf(audience);
    }

    /** Whether the staff of {@code organisation} may enrol. */
    public boolean isOpenTo(TenantId organisation) {
        return audience.contains(organisation);
    }

    /** The seats held for {@code organisation} until the quotas are released; 0 for an organisation without one. */
    public int quotaOf(TenantId organisation) {
        return quotas.getOrDefault(organisation, 0);
    }

    /** When unused quota seats return to the pool: at the release date, else when enrolment closes. */
    public Instant quotaReleaseTime() {
        return quotaReleaseAt == null ? enrolmentClosesAt : quotaReleaseAt;
    }

    public boolean quotasReleasedAt(Instant at) {
        return !at.isBefore(quotaReleaseTime());
    }

    /** Until when a seat is held for a manager's decision taken at {@code at}. */
    public Instant holdUntil(Instant at) {
        Instant week = at.plus(APPROVAL_HOLD);
        return startsAt.isAfter(at) && startsAt.isBefore(week) ? startsAt : week;
    }

    /** Refuses with a 409 saying {@code refusal} before the course starts. */
    public void requireStarted(Instant at, String refusal) {
        if (at.isBefore(startsAt)) {
            throw new Conflict(refusal);
        }
    }

    /** Refuses a request at {@code at} when the offering is cancelled or its enrolment window is not open. */
    public void requireOpenForEnrolment(Instant at) {
        if (cancelled) {
            throw new Conflict("The offering is cancelled; no one can enrol in it.");
        }
        if (at.isBefore(enrolmentOpensAt)) {
            throw new Conflict("Enrolment opens at " + enrolmentOpensAt + ".");
        }
        if (!at.isBefore(enrolmentClosesAt)) {
            throw new Conflict("Enrolment closed at " + enrolmentClosesAt + ".");
        }
    }

    /** The organisations whose rows moving this offering's seats may touch: the owner and the audience. */
    public Set<TenantId> organisations() {
        Set<TenantId> tenants = new LinkedHashSet<>(audience);
        tenants.add(owner);
        return tenants;
    }
}
