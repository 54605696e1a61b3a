package se.samlyft.catalog.web;

import org.springframework.security.access.AccessDeniedException;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what in the catalog. Everyone of an organisation reads what it has published; its coordinators (a
 * federation's: its federation coordinators) also manage it: create, change, publish, archive.
 */
public final class Callers {

    /** The role of a municipality's or provider's contact person. */
    public static final String COORDINATOR = "coordinator";

    /** The role of a federation's project leader, who manages the federation's own catalog. */
    public static final String FEDERATION_COORDINATOR = "federation-coordinator";

    private Callers() {}

    /** The caller of the current request. */
    public static Caller current() {
        return CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }

    /** Whether the caller manages its organisation's catalog, and so also sees its drafts. */
    public static boolean manages(Caller caller) {
        return caller.hasRole(COORDINATOR) || caller.hasRole(FEDERATION_COORDINATOR);
    }

    /**
     * The organisation the current caller manages the catalog of: 403 for a caller without a coordinator role, 404
     * for a token that names no organisation.
     */
    public static TenantId managedTenant() {
        Caller caller = current();
        if (!manages(caller)) {
            throw new AccessDeniedException("Only a coordinator manages the catalog");
        }
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }
}
