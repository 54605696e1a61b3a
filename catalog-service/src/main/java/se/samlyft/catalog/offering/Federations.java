package se.samlyft.catalog.offering;

import java.util.Set;
import se.samlyft.platform.tenancy.TenantId;

/** Which organisations belong to a federation today, as far as the catalog knows. */
public interface Federations {

    /** The current members of {@code federation}; empty for an organisation that is no federation. */
    Set<TenantId> membersOf(TenantId federation);
}
