package se.samlyft.identity.web;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what in identity. Platform administrators onboard organisations; an organisation's coordinators (a
 * federation's: its federation coordinators) manage its people, imports and profile; managers read their
 * organisation's people; everyone reads the register of organisations and their own data.
 */
public final class Callers {

    public static final String PARTICIPANT = "participant";
    public static final String MANAGER = "manager";
    public static final String COORDINATOR = "coordinator";
    public static final String FEDERATION_COORDINATOR = "federation-coordinator";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Callers() {}

    /** The caller of the current request. */
    public static Caller current() {
        return CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }

    /** The caller's organisation: 404 for a token that names none. */
    public static TenantId tenant() {
        return current().tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }

    public static boolean hasAnyRole(String... roles) {
        Caller caller = current();
        return Arrays.stream(roles).anyMatch(caller::hasRole);
    }

    /** Refuses (403) a caller without one of {@code roles}. */
    public static void requireAnyRole(String... roles) {
        if (!hasAnyRole(roles)) {
            throw new AccessDeniedException("This needs one of the roles " + String.join(", ", roles));
        }
    }

    /** The organisation whose people, imports and profile the caller manages: 403 without a coordinator role. */
    public static TenantId managedTenant() {
        requireAnyRole(COORDINATOR, FEDERATION_COORDINATOR);
        return tenant();
    }

    /** Whether the caller administers the whole installation. */
    public static boolean isPlatformAdmin() {
        return hasAnyRole(PLATFORM_ADMIN);
    }

    /** The rule of the funder's participant list, which reporting applies to the programme's owner as well. */
    public static final String PARTICIPANT_LIST_RULE = "Only the project leader of the programme's owner (its"
            + " coordinator, or the federation coordinator when a federation owns it) may list the programme's"
            + " participants.";

    /**
     * The organisation whose project leader the caller may be: a coordinator's or a federation coordinator's own.
     * Whether it owns a given programme is reporting's to say.
     */
    public static TenantId projectLeaderTenant() {
        if (!hasAnyRole(COORDINATOR, FEDERATION_COORDINATOR)) {
            throw new Denied(PARTICIPANT_LIST_RULE);
        }
        return tenant();
    }

    /** Whether the caller is a coordinator of {@code tenant} or a platform administrator. */
    public static boolean managesOrganisation(TenantId tenant) {
        return isPlatformAdmin() || coordinates(tenant);
    }

    /** Whether the caller is one of {@code tenant}'s own coordinators (its federation coordinators for a federation). */
    public static boolean coordinates(TenantId tenant) {
        return hasAnyRole(COORDINATOR, FEDERATION_COORDINATOR)
                && current().tenant().map(tenant::equals).orElse(false);
    }
}
