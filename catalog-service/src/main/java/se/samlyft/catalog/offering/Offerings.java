package se.samlyft.catalog.offering;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * The offerings the current tenant scope may read: its own and those whose audience includes it. Storing one hands
 * its recorded events on in the same transaction.
 */
public interface Offerings {

    Optional<Offering> find(UUID id);

    /** Stores a new offering with its audience and quotas. */
    void add(Offering offering);

    /** Stores a changed offering whose stored version is {@code expectedVersion}. */
    void update(Offering offering, long expectedVersion);

    /**
     * A page of offerings by start: those open to {@code tenant}, and with {@code withOwn} also all that
     * {@code tenant} owns; only those of the course {@code courseId} unless it is null.
     */
    Page<Offering> list(TenantId tenant, boolean withOwn, @Nullable UUID courseId, int page, int size);

    /** The scheduled offerings of {@code federation} open to all its members and not yet ended. */
    List<Offering> runningForAllMembersOf(TenantId federation);

    /** One page of offerings and how many there are in all. */
}
