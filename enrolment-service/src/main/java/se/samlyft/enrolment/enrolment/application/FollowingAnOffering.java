package se.samlyft.enrolment.enrolment.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.SeatUse;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A coordinator follows an offering: its roster, every organisation's for the offering's owner (a coordinator, or the
 * federation's project leader for a joint offering) and their own organisation's for a coordinator of an
 * organisation in its audience; and, for the owner, how every organisation uses its seats.
 */
public final class FollowingAnOffering {

    private final EnrolmentPolicy policy;
    private final Enrolments enrolments;
    private final Seats seats;
    private final EnrolmentLookup lookup;

    public FollowingAnOffering(EnrolmentPolicy policy, Enrolments enrolments, Seats seats, EnrolmentLookup lookup) {
        this.policy = policy;
        this.enrolments = enrolments;
        this.seats = seats;
        this.lookup = lookup;
    }

    /** How an offering's seats are used at {@code at}: per organisation with an enrolment on it. */
    public record SeatReport(Offering offering, List<SeatUse> organisations, Instant at) {}

    /** A page of the offering's roster in order of arrival, of one state and one organisation when given. */
    public EnrolmentList roster(
            Caller caller,
            UUID offeringId,
            @Nullable EnrolmentState state,
            @Nullable TenantId organisation,
            int page,
            int size) {
        TenantId own = policy.organisationOf(caller);
        Offering offering = policy.requireFollower(lookup.offering(offeringId), caller, own);
        if (offering.owner().equals(own)) {
            return seats.readingEveryOrganisationOf(
                    offeringId, () -> rosterPage(offeringId, state, organisation, page, size));
        }
        policy.requireOwnerForOthers(offering, own, organisation);
        return rosterPage(offeringId, state, own, page, size);
    }

    /** The offering's seats as its owner sees them. */
    public SeatReport seatUse(Caller caller, UUID offeringId) {
        TenantId own = policy.organisationOf(caller);
        Offering offering = policy.requireFollower(lookup.offering(offeringId), caller, own);
        policy.requireOwner(offering, own);
        List<SeatUse> use = seats.readingEveryOrganisationOf(offeringId, () -> enrolments.seatUse(offeringId));
        return new SeatReport(offering, use, lookup.now());
    }

    private EnrolmentList rosterPage(
            UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation, int page, int size) {
        long total = enrolments.countOfOffering(offeringId, state, organisation);
        List<EnrolmentDetails> items = enrolments.ofOffering(offeringId, state, organisation, page, size).stream()
                .map(lookup::details)
                .toList();
        return new EnrolmentList(items, page, size, total);
    }
}
