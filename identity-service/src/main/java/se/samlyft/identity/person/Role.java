package se.samlyft.identity.person;

import java.util.Arrays;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A person's realm role in Keycloak. Integrators are clients, not people, and platform administrators are the
 * installation's own staff; neither is given to a person here.
 */
public enum Role {
    PARTICIPANT("participant"),
    MANAGER("manager"),
    COORDINATOR("coordinator"),
    FEDERATION_COORDINATOR("federation-coordinator");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role's name, for example {@code federation-coordinator}. */
    public String realmRole() {
        return realmRole;
    }

    public static Role ofRealmRole(String name) {
        return Arrays.stream(values())
                .filter(role -> role.realmRole.equals(name == null ? null : name.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "roles", "must each be one of participant, manager, coordinator, federation-coordinator"));
    }
}
