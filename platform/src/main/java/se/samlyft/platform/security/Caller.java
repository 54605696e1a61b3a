package se.samlyft.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Who is calling, as the validated token says: the tenant (the one Keycloak Organization the token names), the user
 * name, the realm roles and, for a person identity-service has provisioned, the person's id (the {@code person_id}
 * claim, mapped from the Keycloak user's {@code personId} attribute). A token that names no organisation, or several,
 * has no tenant and sees no tenant's data.
 */
public record Caller(Optional<TenantId> tenant, String username, Set<String> roles, Optional<UUID> personId) {

    static final String ORGANIZATION_CLAIM = "organization";
    static final String PERSON_ID_CLAIM = "person_id";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(Optional<TenantId> tenant, String username, Set<String> roles) {
        this(tenant, username, roles, Optional.empty());
    }

    public static Caller from(Jwt jwt) {
        String username =
                Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElseGet(jwt::getSubject);
        return new Caller(tenantOf(jwt), username == null ? "" : username, realmRoles(jwt), personIdOf(jwt));
    }

    private static Optional<UUID> personIdOf(Jwt jwt) {
        String claim = jwt.getClaimAsString(PERSON_ID_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public TenantScope scope() {
        return tenant.map(TenantScope::of).orElse(TenantScope.none());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.realmRole());
    }

    /** Whether the caller holds at least one of {@code anyOf}. */
    public boolean hasAnyRole(Role... anyOf) {
        for (Role role : anyOf) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller's token names {@code tenant} as its organisation. */
    public boolean belongsTo(TenantId tenant) {
        return this.tenant.map(tenant::equals).orElse(false);
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
