package se.samlyft.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of the Samlyft realm, as one type: what a token's {@code realm_access.roles} may hold and what a
 * service's permission policy asks of a {@link Caller}.
 */
public enum Role {
    /** A care worker taking courses. */
    PARTICIPANT("participant"),
    /** A manager who approves training on paid time for the people who report to them. */
    MANAGER("manager"),
    /** A municipality's (or care provider's) coordinator: its people, courses, offerings and reports. */
    COORDINATOR("coordinator"),
    /** A federation's coordinator or project leader: its joint offerings, programmes and reports. */
    FEDERATION_COORDINATOR("federation-coordinator"),
    /** One of the installation's own administrators: onboarding organisations, the read model. */
    PLATFORM_ADMIN("platform-admin"),
    /** An organisation's integration client (a service account, not a person). */
    INTEGRATOR("integrator");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role's name in Keycloak and in tokens, for example {@code federation-coordinator}. */
    public String realmRole() {
        return realmRole;
    }

    /** The role a realm role's name stands for, if it is one of Samlyft's. */
    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values())
                .filter(role -> role.realmRole.equals(name))
                .findFirst();
    }
}
