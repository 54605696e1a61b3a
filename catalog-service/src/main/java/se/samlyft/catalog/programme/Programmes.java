package se.samlyft.catalog.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/** The programmes of the current tenant scope; storing one hands its recorded events on in the same transaction. */
public interface Programmes {

    Optional<Programme> find(UUID id);

    /** Stores a new programme; refuses a number its owner already registered with a conflict. */
    void add(Programme programme);

    /** Stores a changed programme whose stored version is {@code expectedVersion}. */
    void update(Programme programme, long expectedVersion);

    /**
     * A page of the scope's programmes by start and number: only {@code owner}'s when given, and only those whose
     * period overlaps {@code from} to {@code to} (each end optional).
     */
    Page<Programme> list(
            @Nullable TenantId owner, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size);

    /**
     * The scheduled offerings the programme funds that start or end outside {@code start} to {@code end}, whoever owns
     * them (a federation's offerings funded by a member's programme are outside the member's scope): ids only.
     */
    List<UUID> offeringsOutside(UUID programmeId, LocalDate start, LocalDate end);

    /** One page of programmes and how many there are in all. */
}
