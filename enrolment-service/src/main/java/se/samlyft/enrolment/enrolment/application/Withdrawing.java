package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.platform.security.Caller;

/** The participant (or a coordinator for them) withdraws; a seat it held goes to the next eligible person waiting. */
public final class Withdrawing {

    private final EnrolmentPolicy policy;
    private final Seats seats;
    private final EnrolmentLookup lookup;

    public Withdrawing(EnrolmentPolicy policy, Seats seats, EnrolmentLookup lookup) {
        this.policy = policy;
        this.seats = seats;
        this.lookup = lookup;
    }

    public EnrolmentDetails withdraw(Caller caller, UUID id, @Nullable String ifMatch) {
        Enrolment enrolment = policy.requireParticipantOrCoordinator(lookup.visible(id), caller);
        EnrolmentLookup.checkVersion(ifMatch, enrolment);
        return lookup.details(
                seats.atOffering(enrolment.offeringId().value(), desk -> desk.withdraw(id, lookup.now())));
    }
}
