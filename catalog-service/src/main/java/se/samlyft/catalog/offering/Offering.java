package se.samlyft.catalog.offering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One scheduled run of a published course, owned by an organisation or a federation. Its audience is resolved into
 * the organisations whose staff may enrol when it is scheduled or changed: the owner for its own staff, the
 * federation's members of that day, or the named organisations, which for a federation must be its members. It can
 * change while scheduled and be cancelled once; every change raises the version and records an
 * {@link OfferingEvent}.
 */
public final class Offering {

    private final UUID id;
    private final UUID courseId;
    private final TenantId owner;
    private OfferingTerms terms;
    private List<TenantId> audienceTenants;
    private OfferingStatus status;
    private long version;
    private final int seatsTaken;
    private final List<OfferingEvent> events = new ArrayList<>();

    private Offering(
            UUID id,
            UUID courseId,
            TenantId owner,
            OfferingTerms terms,
            List<TenantId> audienceTenants,
            OfferingStatus status,
            long version,
            int seatsTaken) {
        this.id = id;
        this.courseId = courseId;
        this.owner = owner;
        this.terms = terms;
        this.audienceTenants = List.copyOf(audienceTenants);
        this.status = status;
        this.version = version;
        this.seatsTaken = seatsTaken;
    }

    /**
     * A newly scheduled offering at version 1; {@code federationMembers} are the owner's members if it is a
     * federation, and empty otherwise.
     */
    public static Offering schedule(
            UUID id, UUID courseId, TenantId owner, OfferingTerms terms, Set<TenantId> federationMembers, Instant at) {
        Offering offering = new Offering(
                id,
                courseId,
                owner,
                terms,
                audienceOf(owner, terms, federationMembers),
                OfferingStatus.SCHEDULED,
                1,
                0);
        offering.events.add(new OfferingEvent.Scheduled(offering.snapshot(), at));
        return offering;
    }

    /**
     * An offering as it was stored, without recorded events; {@code seatsTaken} is how many of its enrolments hold a
     * seat, as enrolment-service's events have told.
     */
    public static Offering restore(
            UUID id,
            UUID courseId,
            TenantId owner,
            OfferingTerms terms,
            List<TenantId> audienceTenants,
            OfferingStatus status,
            long version,
            int seatsTaken) {
        return new Offering(id, courseId, owner, terms, audienceTenants, status, version, seatsTaken);
    }

    /** Replaces the terms of a scheduled offering; a cancelled one cannot change. */
    public void change(OfferingTerms changed, Set<TenantId> federationMembers, Instant at) {
        requireScheduled("changed");
        audienceTenants = audienceOf(owner, changed, federationMembers);
        terms = changed;
        version++;
        events.add(new OfferingEvent.Changed(snapshot(), at));
    }

    /**
     * Resolves a scheduled offering's audience again when its federation's membership has changed: an audience of all
     * the federation's members becomes today's members, and the quota of an organisation that left is dropped, its
     * seats returning to the pool. Named organisations stay as the owner named them. Changes nothing, and records no
     * event, when the audience stays the same.
     *
     * @return whether the audience changed
     */
    public boolean followMembership(Set<TenantId> federationMembers, Instant at) {
        if (status != OfferingStatus.SCHEDULED || terms.audience() != AudienceKind.FEDERATION_MEMBERS) {
            return false;
        }
        List<TenantId> resolved = federationMembers.stream()
                .sorted((left, right) -> left.value().compareTo(right.value()))
                .toList();
        if (resolved.isEmpty() || resolved.equals(audienceTenants)) {
            return false;
        }
        change(terms.withQuotasOnlyFor(federationMembers), federationMembers, at);
        return true;
    }

    /** Cancels a scheduled offering. */
    public void cancel(Instant at) {
        requireScheduled("cancelled");
        status = OfferingStatus.CANCELLED;
        version++;
        events.add(new OfferingEvent.Cancelled(snapshot(), at));
    }

    /** Whether the staff of {@code tenant} may enrol: it belongs to the audience. */
    public boolean isOpenTo(TenantId tenant) {
        return audienceTenants.contains(tenant);
    }

    private void requireScheduled(String change) {
        if (status == OfferingStatus.CANCELLED) {
            throw new Conflict("The offering is cancelled and can no longer be " + change + ".");
        }
    }

    private static List<TenantId> audienceOf(TenantId owner, OfferingTerms terms, Set<TenantId> federationMembers) {
        boolean federation = !federationMembers.isEmpty();
        if (!federation && terms.audience() != AudienceKind.OWN_STAFF) {
            throw new InvalidInput("audience", "must be OWN_STAFF for an organisation that is not a federation");
        }
        List<TenantId> audience = switch (terms.audience()) {
            case OWN_STAFF -> List.of(owner);
            case FEDERATION_MEMBERS ->
                federationMembers.stream()
                        .sorted((left, right) -> left.value().compareTo(right.value()))
                        .toList();
            case NAMED -> terms.namedOrganisations();
        };
        for (TenantId named : terms.namedOrganisations()) {
            if (!federationMembers.contains(named)) {
                throw new InvalidInput("namedOrganisations", "must be members of the federation; " + named + " is not");
            }
        }
        for (Quota quota : terms.quotas()) {
            if (!audience.contains(quota.member()) || quota.member().equals(owner)) {
                throw new InvalidInput(
                        "quotas", "must be for organisations of the audience; " + quota.member() + " is not");
            }
        }
        return audience;
    }

    private OfferingEvent.Snapshot snapshot() {
        return new OfferingEvent.Snapshot(id, courseId, owner, version, terms, audienceTenants);
    }

    /** The events recorded since the offering was scheduled or restored, oldest first. */
    public List<OfferingEvent> events() {
        return List.copyOf(events);
    }

    public UUID id() {
        return id;
    }

    public UUID courseId() {
        return courseId;
    }

    public TenantId owner() {
        return owner;
    }

    public OfferingTerms terms() {
        return terms;
    }

    /** The organisations whose staff may enrol, as resolved when the offering was last scheduled or changed. */
    public List<TenantId> audienceTenants() {
        return audienceTenants;
    }

    public OfferingStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    /** How many enrolments hold a seat, as far as the catalog has heard from enrolment-service. */
    public int seatsTaken() {
        return seatsTaken;
    }

    /** The seats not taken; never below zero, even when the capacity was cut below the seats already taken. */
    public int freeSeats() {
        return Math.max(0, terms.capacity() - seatsTaken);
    }
}
