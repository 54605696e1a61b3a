package se.samlyft.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Who is calling, as the validated token says: the tenant (the one Keycloak Organization the token names), the user
 * name and the realm roles. A token that names no organisation, or several, has no tenant and sees no tenant's data.
 */
public record Caller(Optional<TenantId> tenant, String username, Set<String> roles) {

    static final String ORGANIZATION_CLAIM = "organization";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        String username =
                Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElseGet(jwt::getSubject);
        return new Caller(tenantOf(jwt), username == null ? "" : username, realmRoles(jwt));
    }

    public TenantScope scope() {
        return tenant.map(TenantScope::of).orElse(TenantScope.none());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * Keycloak writes the claim as a list of aliases, or (with the mapper's map option) as a map from alias to the
     * organisation's details. Either way, exactly one valid alias makes the tenant.
     */
    private static Optional<TenantId> tenantOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(ORGANIZATION_CLAIM);
        List<?> aliases = switch (claim) {
            case List<?> list -> list;
            case Map<?, ?> map -> List.copyOf(map.keySet());
            case String single -> List.of(single);
            case null, default -> List.of();
        };
        if (aliases.size() != 1 || !(aliases.getFirst() instanceof String alias)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(alias));
        } catch (IllegalArgumentException notASlug) {
            return Optional.empty();
        }
    }

    private static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return Set.of();
        }
        Set<String> result = new TreeSet<>();
        for (Object role : roles) {
            if (role instanceof String name) {
                result.add(name);
            }
        }
        return result;
    }
}
