package se.samlyft.enrolment.offering;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The offering copies the current tenant scope may read: its own and those whose audience includes it. */
public interface Offerings {

    Optional<Offering> find(UUID id);

    /**
     * The offering, its row locked until the current transaction ends: whoever locks it next waits. Call it inside a
     * transaction.
     */
    Optional<Offering> lock(UUID id);

    /** Stores the offering unless the stored copy is of the same or a newer version; whether it was stored. */
    boolean save(Offering offering);

    /** Marks the offering cancelled at {@code version} unless the stored copy is newer; whether it changed. */
    boolean cancel(UUID id, long version, Instant at);
}
