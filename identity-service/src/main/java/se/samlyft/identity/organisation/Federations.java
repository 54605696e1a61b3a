package se.samlyft.identity.organisation;

import java.util.Optional;
import se.samlyft.platform.tenancy.TenantId;

/** Federations' membership over time; storing a changed one hands its events on in the same transaction. */
public interface Federations {

    /** The membership of {@code federation}, empty if no organisation of kind FEDERATION has that tenant id. */
    Optional<Federation> find(TenantId federation);

    /** Stores the membership, refusing it if another change was stored since it was read. */
    void save(Federation federation, long expectedVersion);
}
