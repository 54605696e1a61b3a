package se.samlyft.catalog.offering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One scheduled run of a published course, owned by an organisation or a federation. Its audience is resolved into
 * the organisations whose staff may enrol when it is scheduled or changed: the owner for its own staff, the
 * federation's members of that day, or the named organisations, which must be members of the owning federation or
 * partners named by the programme that funds the offering (so a municipality's project runs a joint course with a
 * private care provider without a federation). An offering a programme funds lies within the programme's period. It
 * can change while scheduled and be cancelled once; every change raises the version and records an
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
     * federation, and empty otherwise; {@code funding} is the programme the terms name, if they name one.
     */
    public static Offering schedule(
            UUID id,
            UUID courseId,
            TenantId owner,
            OfferingTerms terms,
            Set<TenantId> federationMembers,
            @Nullable Funding funding,
            Instant at) {
        Offering offering = new Offering(
                id,
                courseId,
                owner,
                terms,
                audienceOf(owner, terms, federationMembers, fundingOf(terms, funding)),
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
    public void change(OfferingTerms changed, Set<TenantId> federationMembers, @Nullable Funding funding, Instant at) {
        requireScheduled("changed");
        replace(changed, audienceOf(owner, changed, federationMembers, fundingOf(changed, funding)), at);
    }

    private void replace(OfferingTerms changed, List<TenantId> audience, Instant at) {
        audienceTenants = audience;
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
        replace(terms.withQuotasOnlyFor(federationMembers), resolved, at);
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

    private static @Nullable Funding fundingOf(OfferingTerms terms, @Nullable Funding funding) {
        UUID programmeId = terms.programmeId();
        if (programmeId == null) {
            return null;
        }
        if (funding == null || !funding.programmeId().equals(programmeId)) {
            throw new IllegalArgumentException("The funding of programme " + programmeId + " must be given");
        }
        funding.requireWithinPeriod(terms);
        return funding;
    }

    private static List<TenantId> audienceOf(
            TenantId owner, OfferingTerms terms, Set<TenantId> federationMembers, @Nullable Funding funding) {
        boolean federation = !federationMembers.isEmpty();
        List<TenantId> partners = funding == null ? List.of() : funding.partners();
        if (terms.audience() == AudienceKind.FEDERATION_MEMBERS && !federation) {
            throw new InvalidInput(
                    "audience", "must be OWN_STAFF or NAMED for an organisation that is not a federation");
        }
        if (terms.audience() == AudienceKind.NAMED && !federation && partners.isEmpty()) {
            throw new InvalidInput(
                    "audience",
                    "may be NAMED for an organisation that is not a federation only when the offering's programme"
                            + " names partners");
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
            boolean nameable = federation ? federationMembers.contains(named) : named.equals(owner);
            if (!nameable && !partners.contains(named)) {
                throw new InvalidInput(
                        "namedOrganisations",
                        federation
                                ? "must be members of the federation or partners of the offering's programme; " + named
                                        + " is neither"
                                : "must be the owner or partners of the offering's programme; " + named + " is not");
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
