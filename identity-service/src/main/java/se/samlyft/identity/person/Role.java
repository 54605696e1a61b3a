package se.samlyft.identity.person;

import java.util.Arrays;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A realm role identity gives a person in Keycloak: a subset of the realm's {@link se.samlyft.platform.security.Role}.
 * Integrators are clients, not people, and platform administrators are the installation's own staff; neither is given
 * to a person here.
 */
public enum Role {
    PARTICIPANT(se.samlyft.platform.security.Role.PARTICIPANT),
    MANAGER(se.samlyft.platform.security.Role.MANAGER),
    COORDINATOR(se.samlyft.platform.security.Role.COORDINATOR),
    FEDERATION_COORDINATOR(se.samlyft.platform.security.Role.FEDERATION_COORDINATOR);

    private final se.samlyft.platform.security.Role realmRole;

    Role(se.samlyft.platform.security.Role realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role's name, for example {@code federation-coordinator}. */
    public String realmRole() {
        return realmRole.realmRole();
    }

    public static Role ofRealmRole(String name) {
        return Arrays.stream(values())
                .filter(role -> role.realmRole().equals(name == null ? null : name.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "roles",
                        "must each be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(values())
                                                .map(Role::realmRole)
                                                .toList())));
    }
}
