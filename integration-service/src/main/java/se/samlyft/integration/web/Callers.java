package se.samlyft.integration.web;

import org.springframework.security.access.AccessDeniedException;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may use the integrations API: an organisation's coordinator, a federation's coordinator (for the federation's
 * own feed), and an integration client of the organisation (a service account with the role {@code integrator}), each
 * for the organisation its token names and no other. Participants and managers get 403.
 */
public final class Callers {

    public static final String COORDINATOR = "coordinator";
    public static final String FEDERATION_COORDINATOR = "federation-coordinator";
    public static final String INTEGRATOR = "integrator";

    private Callers() {}

    /** The caller of the current request. */
    public static Caller current() {
        return CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }

    /** Whether the caller may manage its organisation's integrations. */
    public static boolean integrates(Caller caller) {
        return caller.hasRole(COORDINATOR) || caller.hasRole(FEDERATION_COORDINATOR) || caller.hasRole(INTEGRATOR);
    }

    /**
     * The organisation whose integrations the current caller manages: 403 for a caller without one of the roles, 404
     * for a token that names no organisation.
     */
    public static TenantId integratingTenant() {
        Caller caller = current();
        if (!integrates(caller)) {
            throw new AccessDeniedException(
                    "Only the organisation's coordinator or an integration client of it uses its integrations");
        }
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }
}
