package se.samlyft.reporting.report.web;

import java.util.Collection;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who reads a report, and what they may read: a coordinator reads their organisation's reports, a federation
 * coordinator those of their federation (the token's organisation) and its members, and an integrator whose token
 * carries the scope {@code reporting} their organisation's aggregates, never a list of people. Anyone else gets 403;
 * a token that names no organisation, 404.
 *
 * @param federationCoordinator whether the reader coordinates the federation that the token names
 * @param aggregatesOnly whether the reader may see only figures, not people
 */
record Reader(TenantId tenant, boolean federationCoordinator, boolean aggregatesOnly) {

    static final String COORDINATOR = "coordinator";
    static final String FEDERATION_COORDINATOR = "federation-coordinator";
    static final String INTEGRATOR = "integrator";
    static final String REPORTING_SCOPE = "reporting";

    static Reader current() {
        Caller caller = CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
        boolean federationCoordinator = caller.hasRole(FEDERATION_COORDINATOR);
        boolean coordinator = caller.hasRole(COORDINATOR);
        boolean integrator = caller.hasRole(INTEGRATOR) && scopes().contains(REPORTING_SCOPE);
        if (!federationCoordinator && !coordinator && !integrator) {
            throw new AccessDeniedException("Reports are for coordinators and integrators with the reporting scope");
        }
        TenantId tenant = caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
        return new Reader(tenant, federationCoordinator, !federationCoordinator && !coordinator);
    }

    /** Whether the reader reads as a federation would, when the token's organisation is one. */
    boolean readsAsFederation() {
        return federationCoordinator || aggregatesOnly;
    }

    /** Refuses a reader who may see only aggregates a report that lists people. */
    Reader mayListPeople() {
        if (aggregatesOnly) {
            throw new AccessDeniedException("An integrator reads aggregates only");
        }
        return this;
    }

    private static Collection<String> scopes() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return List.of();
        }
        String scope = token.getToken().getClaimAsString("scope");
        return scope == null ? List.of() : List.of(scope.split(" "));
    }
}
