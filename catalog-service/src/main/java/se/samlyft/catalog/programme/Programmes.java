package se.samlyft.catalog.programme;

import java.util.Optional;
import java.util.UUID;

/** The programmes of the current tenant scope; storing one hands its recorded events on in the same transaction. */
public interface Programmes {

    Optional<Programme> find(UUID id);

    /** Stores a new programme; refuses a number its owner already registered with a conflict. */
    void add(Programme programme);

    /** Stores a changed programme whose stored version is {@code expectedVersion}. */
    void update(Programme programme, long expectedVersion);
}
