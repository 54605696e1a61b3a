package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A request for a seat: for the caller, or (by a coordinator) for a person of the coordinator's organisation. The
 * person and the offering are checked in the caller's organisation; the request is then served at the offering's seat
 * desk, in the transaction that holds its seats.
 */
public final class ApplyingForASeat {

    private final EnrolmentPolicy policy;
    private final People people;
    private final Seats seats;
    private final EnrolmentLookup lookup;

    public ApplyingForASeat(EnrolmentPolicy policy, People people, Seats seats, EnrolmentLookup lookup) {
        this.policy = policy;
        this.people = people;
        this.seats = seats;
        this.lookup = lookup;
    }

    /** Requests a seat on {@code offeringId} for {@code personId}, or for the caller when it is null. */
    public EnrolmentDetails apply(Caller caller, UUID offeringId, @Nullable UUID personId) {
        TenantId organisation = policy.organisationOf(caller);
        UUID enrolled = policy.personToEnrol(caller, personId);
        RequestedBy requestedBy =
                caller.personId().filter(enrolled::equals).isPresent() ? RequestedBy.SELF : RequestedBy.COORDINATOR;
        Person person = people.find(enrolled)
                .filter(found -> found.organisation().equals(organisation))
                .orElseThrow(() -> new NotFound("No person " + enrolled + " of the organisation is known."));
        lookup.offering(offeringId);
        Enrolment enrolment = seats.atOffering(
                offeringId, desk -> desk.request(UUID.randomUUID(), person, requestedBy, lookup.now()));
        return lookup.details(enrolment);
    }
}
