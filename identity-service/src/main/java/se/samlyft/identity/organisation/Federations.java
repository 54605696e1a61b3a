package se.samlyft.identity.organisation;

import java.util.List;
import java.util.Optional;
import se.samlyft.platform.tenancy.TenantId;

/** Federations' membership over time and invitations; storing a changed one hands its events on in the same transaction. */
public interface Federations {

    /** The membership of {@code federation}, empty if no organisation of kind FEDERATION has that tenant id. */
    Optional<Federation> find(TenantId federation);

    /** Stores the membership and invitations, refusing them if another change was stored since they were read. */
    void save(Federation federation, long expectedVersion);

    /** Every invitation sent to {@code member}, by any federation, the newest first. */
    List<Received> invitationsTo(TenantId member);

    /** An invitation and the federation that sent it. */
    record Received(TenantId federation, Invitation invitation) {}
}
