package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import se.samlyft.platform.problem.NotFound;

/**
 * Where the seats of each offering are kept. All work on one offering's seats is done one at a time, each in a
 * transaction that holds the offering's seats, sees every enrolment on it and stores the enrolments it changes with
 * their events: so no offering and no quota is ever overbooked, whatever the concurrency.
 */
public interface Seats {

    /**
     * Runs {@code work} at the offering's desk, alone on its seats, in one transaction.
     *
     * @throws NotFound if the offering is unknown
     */
    <T> T atOffering(UUID offeringId, Function<SeatDesk, T> work);

    /**
     * Runs {@code read} in a read-only transaction that sees the enrolments of every organisation on the offering (its
     * owner, audience and enrolled organisations), for its owner, who follows them all.
     *
     * @throws NotFound if the offering is unknown
     */
    <T> T readingEveryOrganisationOf(UUID offeringId, Supplier<T> read);

    /**
     * Expires the holds that ran out and promotes from the waiting lists of offerings whose quotas are released, for
     * every offering that needs it at {@code at}; safe to repeat. Returns how many offerings were swept.
     */
    int sweep(Instant at);
}
