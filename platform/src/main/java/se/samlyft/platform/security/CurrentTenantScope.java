package se.samlyft.platform.security;

import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The tenant scope of the current unit of work: an explicit {@link TenantContext} scope if one is set, else the
 * scope of the caller's token, else no tenant at all.
 */
public final class CurrentTenantScope {

    private CurrentTenantScope() {}

    public static TenantScope get() {
        return TenantContext.currentExplicitScope()
                .orElseGet(() -> CurrentCaller.get().map(Caller::scope).orElse(TenantScope.none()));
    }
}
