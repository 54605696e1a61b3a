package se.samlyft.identity.person;

import java.util.Set;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.platform.problem.InvalidInput;

/** Which roles fit which organisation: a federation coordinator works for a federation, and only there. */
public final class RoleRules {

    private RoleRules() {}

    public static void requireFit(OrganisationKind kind, Set<Role> roles) {
        if (roles.contains(Role.FEDERATION_COORDINATOR) && kind != OrganisationKind.FEDERATION) {
            throw new InvalidInput("roles", "may hold federation-coordinator only for a federation's staff");
        }
    }
}
