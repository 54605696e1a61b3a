package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.platform.security.Caller;

/**
 * The person's manager (or a coordinator of the organisation) approves a held seat, or declines it with a reason so
 * that it goes to the next eligible person waiting; at the offering's seat desk.
 */
public final class DecidingAnApproval {

    private final EnrolmentPolicy policy;
    private final Seats seats;
    private final EnrolmentLookup lookup;

    public DecidingAnApproval(EnrolmentPolicy policy, Seats seats, EnrolmentLookup lookup) {
        this.policy = policy;
        this.seats = seats;
        this.lookup = lookup;
    }

    public EnrolmentDetails approve(Caller caller, UUID id, @Nullable String ifMatch) {
        Enrolment enrolment = decidable(caller, id, ifMatch);
        return lookup.details(seats.atOffering(enrolment.offeringId().value(), desk -> desk.approve(id, lookup.now())));
    }

    public EnrolmentDetails decline(Caller caller, UUID id, @Nullable String ifMatch, @Nullable String reason) {
        Enrolment enrolment = decidable(caller, id, ifMatch);
        String given = reason == null ? "" : reason;
        return lookup.details(
                seats.atOffering(enrolment.offeringId().value(), desk -> desk.decline(id, given, lookup.now())));
    }

    private Enrolment decidable(Caller caller, UUID id, @Nullable String ifMatch) {
        Enrolment enrolment = policy.requireDecider(lookup.visible(id), caller);
        EnrolmentLookup.checkVersion(ifMatch, enrolment);
        return enrolment;
    }
}
