package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.OfferingId;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonId;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What an enrolment is about and never changes: who asked for a seat on which offering (and so which course, owner
 * and programme), for whom, and in which order the request reached the offering.
 *
 * @param organisation the person's organisation, which the enrolment belongs to
 * @param arrival the order in which requests for seats reached the offering; the waiting list follows it
 */
public record SeatRequest(
        EnrolmentId id,
        PersonId personId,
        TenantId organisation,
        OfferingId offeringId,
        UUID courseId,
        TenantId offeringOwner,
        @Nullable UUID programmeId,
        RequestedBy requestedBy,
        long arrival) {

    /** The facts every event of the enrolment carries, as they are at {@code version} in {@code state}. */
    EnrolmentEvent.Facts facts(long version, EnrolmentState state, Instant at) {
        return new EnrolmentEvent.Facts(
                id.value(),
                version,
                personId.value(),
                organisation,
                offeringId.value(),
                courseId,
                offeringOwner,
                programmeId,
                state,
                at);
    }

    /** The request of {@code person} for a seat on {@code offering}, the {@code arrival}-th to reach it. */
    static SeatRequest of(EnrolmentId id, Person person, Offering offering, RequestedBy requestedBy, long arrival) {
        return new SeatRequest(
                id,
                PersonId.of(person.id()),
                person.organisation(),
                OfferingId.of(offering.id()),
                offering.courseId(),
                offering.owner(),
                offering.programmeId(),
                requestedBy,
                arrival);
    }
}
