package se.samlyft.reporting.report.web;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what in reporting, in one place. A coordinator reads their organisation's reports, a federation
 * coordinator those of their federation (the token's organisation) and its members, and an integrator whose token
 * carries the scope {@code reporting} their organisation's aggregates, never a list of people; platform administrators
 * manage the read model. Every refusal is a {@link Denied} that names the rule; a reader whose token names no
 * organisation gets 404.
 */
public final class ReportingPolicy {

    static final String REPORTING_SCOPE = "reporting";

    private ReportingPolicy() {}

    /**
     * Who reads a report, and what they may read.
     *
     * @param federationCoordinator whether the reader coordinates the federation that the token names
     * @param aggregatesOnly whether the reader may see only figures, not people
     */
    public record Reader(TenantId tenant, boolean federationCoordinator, boolean aggregatesOnly) {

        /** Whether the reader reads as a federation would, when the token's organisation is one. */
        public boolean readsAsFederation() {
            return federationCoordinator || aggregatesOnly;
        }

        /** Refuses a reader who may see only aggregates a report that lists people. */
        public Reader requireMayListPeople() {
            if (aggregatesOnly) {
                throw new Denied("Only a coordinator may read a report that lists people; an integrator reads"
                        + " aggregates only.");
            }
            return this;
        }
    }

    /** The reader of a report: a coordinator, a federation coordinator or an integrator with the reporting scope. */
    public static Reader requireReportReader() {
        Caller caller = caller();
        boolean federationCoordinator = caller.hasRole(Role.FEDERATION_COORDINATOR);
        boolean coordinator = caller.hasRole(Role.COORDINATOR);
        boolean integrator = caller.hasRole(Role.INTEGRATOR) && scopes().contains(REPORTING_SCOPE);
        if (!federationCoordinator && !coordinator && !integrator) {
            throw new Denied("Only a coordinator of the organisation, or its integrator with the reporting scope, may"
                    + " read its reports.");
        }
        TenantId tenant = caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
        return new Reader(tenant, federationCoordinator, !federationCoordinator && !coordinator);
    }

    /** Refuses anyone but a platform administrator reading or rebuilding the read model. */
    public static void requireMayManageReadModel() {
        if (!caller().hasRole(Role.PLATFORM_ADMIN)) {
            throw new Denied("Only a platform administrator may manage the read model.");
        }
    }

    /**
     * The refusal of a programme's participant list to a reader who may list people but is not the project leader of
     * the programme's owner (its coordinator, or the federation coordinator when a federation owns it).
     */
    public static Denied notTheProjectLeaderOfTheOwner() {
        return new Denied("Only the project leader of the programme's owner (its coordinator, or the federation"
                + " coordinator when a federation owns it) may list the programme's participants.");
    }

    private static Caller caller() {
        return CurrentCaller.get().orElseThrow(() -> new Denied("Only an authenticated caller may read reports."));
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
