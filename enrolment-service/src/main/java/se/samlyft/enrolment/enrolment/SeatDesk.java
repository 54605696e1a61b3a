package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.NotFound;

/**
 * The desk of one offering's seats, given by {@link Seats#atOffering} to one piece of work at a time: it takes
 * requests, gives seats (quota first, then the pool, else the waiting list), takes them back on withdrawal, decline or
 * an expired hold, and at once promotes the next eligible people waiting, first come first served, respecting quotas.
 */
public final class SeatDesk {

    private final Offering offering;
    private final SeatLedger ledger;
    private final Enrolments enrolments;
    private final People people;

    public SeatDesk(SeatLedger ledger, Enrolments enrolments, People people) {
        this.offering = ledger.offering();
        this.ledger = ledger;
        this.enrolments = enrolments;
        this.people = people;
    }

    /**
     * A request for a seat for {@code person}: refused when the person's organisation is not in the audience, the
     * enrolment window is not open, the person has left, or the person is enrolled already; otherwise the person
     * gets a seat (held for approval where the offering requires it) or a place on the waiting list.
     */
    public Enrolment request(UUID id, Person person, RequestedBy requestedBy, Instant at) {
        if (!offering.isOpenTo(person.organisation())) {
            throw new NotFound(
                    "No offering " + offering.id() + " is open to the staff of " + person.organisation() + ".");
        }
        offering.requireOpenForEnrolment(at);
        person.requireActive();
        Optional<Enrolment> existing = enrolments.live(person.id(), offering.id());
        if (existing.isPresent()) {
            throw new AlreadyEnrolled(existing.get());
        }
        Enrolment enrolment =
                Enrolment.request(EnrolmentId.of(id), person, offering, requestedBy, enrolments.nextArrival(), at);
        if (!seat(enrolment, person, at)) {
            enrolment.waitlist(
                    enrolments.waitingBefore(offering.id(), enrolment.request().arrival()) + 1, at);
        }
        enrolments.add(enrolment);
        return enrolment;
    }

    /** Withdraws the enrolment; a seat it held goes to the next eligible person waiting. */
    public Enrolment withdraw(UUID enrolmentId, Instant at) {
        Enrolment enrolment = find(enrolmentId);
        long stored = enrolment.version();
        SeatSource seat = enrolment.seat();
        enrolment.withdraw(at);
        enrolments.update(enrolment, stored);
        release(enrolment, seat, at);
        return enrolment;
    }

    /** The manager approves: the held seat is confirmed. */
    public Enrolment approve(UUID enrolmentId, Instant at) {
        Enrolment enrolment = find(enrolmentId);
        long stored = enrolment.version();
        enrolment.approve(at);
        enrolments.update(enrolment, stored);
        return enrolment;
    }

    /** The manager declines; the held seat goes to the next eligible person waiting. */
    public Enrolment decline(UUID enrolmentId, String reason, Instant at) {
        Enrolment enrolment = find(enrolmentId);
        long stored = enrolment.version();
        SeatSource seat = enrolment.seat();
        enrolment.decline(reason, at);
        enrolments.update(enrolment, stored);
        release(enrolment, seat, at);
        return enrolment;
    }

    /** Declines the requests whose hold ran out and promotes; then promotes as released quotas allow. */
    public int sweep(Instant at) {
        int changed = 0;
        for (Enrolment enrolment : enrolments.holdsExpired(offering.id(), at)) {
            long stored = enrolment.version();
            SeatSource seat = enrolment.seat();
            enrolment.expireHold(at);
            enrolments.update(enrolment, stored);
            if (seat != null) {
                ledger.release(enrolment.request().organisation(), seat);
            }
            changed++;
        }
        return changed + promote(at);
    }

    /**
     * Gives free seats to the people waiting, in order of arrival, each from their organisation's quota or the pool;
     * someone whose organisation's quota is full waits while the pool is full, and the next eligible person is
     * promoted instead. Returns how many were promoted.
     */
    public int promote(Instant at) {
        if (offering.cancelled()) {
            return 0;
        }
        int promoted = 0;
        for (Enrolment waiting : enrolments.waitlist(offering.id())) {
            if (!ledger.anyFree(at)) {
                break;
            }
            if (!offering.isOpenTo(waiting.request().organisation())) {
                continue;
            }
            Person person = people.find(waiting.request().personId().value()).orElse(null);
            long stored = waiting.version();
            if (seat(waiting, person, at)) {
                enrolments.update(waiting, stored);
                promoted++;
            }
        }
        return promoted;
    }

    /** The offering was cancelled: every live enrolment on it is cancelled. Returns how many. */
    public int cancelAll(Instant at) {
        int cancelled = 0;
        for (Enrolment enrolment : enrolments.live(offering.id())) {
            long stored = enrolment.version();
            SeatSource seat = enrolment.seat();
            enrolment.cancel(at);
            enrolments.update(enrolment, stored);
            if (seat != null) {
                ledger.release(enrolment.request().organisation(), seat);
            }
            cancelled++;
        }
        return cancelled;
    }

    public Offering offering() {
        return offering;
    }

    public SeatLedger ledger() {
        return ledger;
    }

    private boolean seat(Enrolment enrolment, @Nullable Person person, Instant at) {
        Optional<SeatSource> seat = ledger.take(enrolment.request().organisation(), at);
        if (seat.isEmpty()) {
            return false;
        }
        if (offering.approvalRequired()) {
            enrolment.holdSeat(seat.get(), person == null ? null : person.managerId(), offering.holdUntil(at), at);
        } else {
            enrolment.confirm(seat.get(), at);
        }
        return true;
    }

    private void release(Enrolment enrolment, @Nullable SeatSource seat, Instant at) {
        if (seat != null) {
            ledger.release(enrolment.request().organisation(), seat);
            promote(at);
        }
    }

    private Enrolment find(UUID enrolmentId) {
        return enrolments
                .find(enrolmentId)
                .filter(enrolment -> enrolment.offeringId().value().equals(offering.id()))
                .orElseThrow(() -> NotFound.of("enrolment", enrolmentId));
    }

    /** The person has a live enrolment on the offering already: 409, naming it. */
    public static final class AlreadyEnrolled extends Conflict {

        private static final long serialVersionUID = 1L;

        private final UUID enrolmentId;

        AlreadyEnrolled(Enrolment existing) {
            super("The person is enrolled on this offering already (enrolment " + existing.id() + ", "
                    + existing.state() + ").");
            this.enrolmentId = existing.id().value();
        }

        public UUID enrolmentId() {
            return enrolmentId;
        }
    }
}
