package se.samlyft.catalog.federation.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import se.samlyft.catalog.federation.Federations;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The tenant scope in which a caller reads what its federation shares: a federation's people read their federation's
 * and its current members' programmes (a member's programme may fund the federation's joint offerings); everyone else
 * reads their own organisation's alone. A token without an organisation reads nothing.
 */
@Component
public class FederationScopes {

    private final Federations federations;

    FederationScopes(Federations federations) {
        this.federations = federations;
    }

    public TenantScope readingScopeOf(Caller caller) {
        return caller.tenant().map(this::readingScopeOf).orElse(TenantScope.none());
    }

    /** The federation and its current members for a federation, else the organisation alone. */
    public TenantScope readingScopeOf(TenantId tenant) {
        Set<TenantId> members = federations.membersOf(tenant);
        return members.isEmpty() ? TenantScope.of(tenant) : TenantScope.federation(tenant, members);
    }
}
