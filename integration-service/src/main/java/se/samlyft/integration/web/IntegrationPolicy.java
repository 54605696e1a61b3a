package se.samlyft.integration.web;

import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may use the integrations API, in one place: an organisation's coordinator, a federation's coordinator (for the
 * federation's own feed), and an integration client of the organisation (a service account with the role
 * {@code integrator}), each for the organisation its token names and no other. Participants and managers get a
 * {@link Denied} that names the rule; a token that names no organisation gets 404.
 */
public final class IntegrationPolicy {

    private IntegrationPolicy() {}

    /** The caller of the current request. */
    public static Caller caller() {
        return CurrentCaller.get()
                .orElseThrow(() -> new Denied("Only an authenticated caller may use the integrations API."));
    }

    /** Whether the caller may use its organisation's integrations. */
    public static boolean integrates(Caller caller) {
        return caller.hasAnyRole(Role.COORDINATOR, Role.FEDERATION_COORDINATOR, Role.INTEGRATOR);
    }

    /** The organisation whose webhook subscriptions the caller creates, reads, changes, pauses or replays. */
    public static TenantId requireMayManageSubscriptions() {
        return integratingTenant("Only a coordinator or an integration client of the organisation may manage its"
                + " webhook subscriptions.");
    }

    /** The organisation whose webhook deliveries the caller reads. */
    public static TenantId requireMayReadDeliveries() {
        return integratingTenant(
                "Only a coordinator or an integration client of the organisation may read its webhook deliveries.");
    }

    /** The organisation whose event feed the caller reads. */
    public static TenantId requireMayReadFeed() {
        return integratingTenant(
                "Only a coordinator or an integration client of the organisation may read its event feed.");
    }

    private static TenantId integratingTenant(String rule) {
        Caller caller = caller();
        if (!integrates(caller)) {
            throw new Denied(rule);
        }
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }
}
