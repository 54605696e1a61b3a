package se.samlyft.catalog.web;

import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what in the catalog, in one place. Everyone of an organisation reads what it has published; its
 * coordinators (a federation's: its federation coordinators) also manage it: create, change, publish, archive and
 * cancel, and they see its drafts. Every refusal is a {@link Denied} that names the rule.
 */
public final class CatalogPolicy {

    private CatalogPolicy() {}

    /** The caller of the current request. */
    public static Caller caller() {
        return CurrentCaller.get().orElseThrow(() -> new Denied("Only an authenticated caller may use the catalog."));
    }

    /** Whether the caller manages its organisation's catalog, and so also sees its drafts. */
    public static boolean manages(Caller caller) {
        return caller.hasAnyRole(Role.COORDINATOR, Role.FEDERATION_COORDINATOR);
    }

    /** Whether the current caller manages its organisation's catalog. */
    public static boolean managesCatalog() {
        return manages(caller());
    }

    /** The organisation whose courses the caller drafts, changes, publishes or archives. */
    public static TenantId requireMayManageCourses() {
        return managedTenant("Only a coordinator of the organisation may create or change its courses.");
    }

    /** The organisation whose offerings the caller creates, changes or cancels. */
    public static TenantId requireMayManageOfferings() {
        return managedTenant("Only a coordinator of the organisation may create, change or cancel its offerings.");
    }

    /** The organisation whose programmes the caller registers or changes. */
    public static TenantId requireMayManageProgrammes() {
        return managedTenant("Only a coordinator of the organisation may register or change its programmes.");
    }

    /** 403 naming {@code rule} for a caller without a coordinator role, 404 for a token that names no organisation. */
    private static TenantId managedTenant(String rule) {
        Caller caller = caller();
        if (!manages(caller)) {
            throw new Denied(rule);
        }
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }
}
