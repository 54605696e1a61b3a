package se.samlyft.platform.tenancy;

import static java.util.stream.Collectors.joining;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * The tenants whose rows one unit of work may see. A request works for exactly the tenant of its token; an empty
 * scope sees nothing. Row-level security in every service's database filters on this scope.
 */
public record TenantScope(Set<TenantId> tenants) {

    private static final TenantScope NONE = new TenantScope(Set.of());

    public TenantScope {
        tenants = Set.copyOf(tenants);
    }

    public static TenantScope none() {
        return NONE;
    }

    public static TenantScope of(TenantId tenant) {
        return new TenantScope(Set.of(tenant));
    }

    /**
     * A federation coordinator's scope for the federation's own reports and joint offerings: the federation and its
     * members. Services grant it only for those uses, through {@link TenantContext}.
     */
    public static TenantScope federation(TenantId federation, Collection<TenantId> members) {
        Set<TenantId> tenants = new HashSet<>(members);
        tenants.add(federation);
        return new TenantScope(tenants);
    }

    public boolean isEmpty() {
        return tenants.isEmpty();
    }

    public boolean includes(TenantId tenant) {
        return tenants.contains(tenant);
    }

    /** The scope as PostgreSQL reads it: tenant ids separated by commas, sorted; empty for no tenant. */
    public String asSetting() {
        return tenants.stream()
                .map(TenantId::value)
                .sorted(Comparator.naturalOrder())
                .collect(joining(","));
    }
}
