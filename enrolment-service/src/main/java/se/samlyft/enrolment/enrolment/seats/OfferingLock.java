package se.samlyft.enrolment.enrolment.seats;

import java.util.UUID;
import java.util.function.Function;
import se.samlyft.enrolment.enrolment.SeatDesk;

/**
 * What keeps an offering's seats exact: one transaction that locks the offering's row, counts the seats taken from the
 * enrolments under that lock, and gives the work the offering's {@link SeatDesk}; the work of one offering is so done
 * one at a time, in whatever process, and different offerings never wait for each other.
 */
public interface OfferingLock {

    /** Runs {@code work} at the offering's desk in one transaction holding the offering's lock. */
    <T> T underLock(UUID offeringId, Function<SeatDesk, T> work);
}
