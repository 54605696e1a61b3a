package se.samlyft.identity.web;

import java.util.UUID;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Who may do what in identity, in one place. Platform administrators onboard organisations and appoint their first
 * coordinators; an organisation's coordinators (a federation's: its federation coordinators) manage its people,
 * imports, profile and memberships; managers read the people they manage; everyone reads the register of
 * organisations and their own data. Every refusal is a {@link Denied} that names the rule.
 */
public final class IdentityPolicy {

    private static final Role[] COORDINATORS = {Role.COORDINATOR, Role.FEDERATION_COORDINATOR};

    private IdentityPolicy() {}

    /** The caller of the current request. */
    public static Caller caller() {
        return CurrentCaller.get().orElseThrow(() -> new Denied("Only an authenticated caller may use identity."));
    }

    /** The caller's organisation: 404 for a token that names none. */
    public static TenantId callersTenant() {
        return caller().tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }

    /** Whether the caller is one of its organisation's coordinators (its federation coordinators for a federation). */
    public static boolean isCoordinator() {
        return caller().hasAnyRole(COORDINATORS);
    }

    /** Whether the caller is a manager of people. */
    public static boolean isManager() {
        return caller().hasRole(Role.MANAGER);
    }

    /** Whether the caller administers the whole installation. */
    public static boolean isPlatformAdmin() {
        return caller().hasRole(Role.PLATFORM_ADMIN);
    }

    /** Whether the caller is one of {@code tenant}'s own coordinators (its federation coordinators for a federation). */
    public static boolean coordinates(TenantId tenant) {
        return isCoordinator() && caller().belongsTo(tenant);
    }

    /** Whether the caller is a coordinator of {@code tenant} or a platform administrator. */
    public static boolean managesOrganisation(TenantId tenant) {
        return isPlatformAdmin() || coordinates(tenant);
    }

    /** Whether the caller is the person {@code person} themselves. */
    public static boolean isThePerson(UUID person) {
        return caller().personId().map(person::equals).orElse(false);
    }

    /** The organisation whose people the caller registers, changes, lets leave or erases. */
    public static TenantId requireMayManagePeople() {
        return coordinatorsTenant("Only a coordinator of the organisation may register, change or erase its people.");
    }

    /** The organisation whose staff the caller imports from an HR file, or whose imports they follow. */
    public static TenantId requireMayImportStaff() {
        return coordinatorsTenant("Only a coordinator of the organisation may import staff.");
    }

    /** The organisation whose log of personal identity number reads the caller reads. */
    public static TenantId requireMayReadPersonalNumberLog() {
        return coordinatorsTenant(
                "Only a coordinator of the organisation may read its log of personal identity number reads.");
    }

    /** Refuses a caller who may not list an organisation's people: anyone but its coordinators and managers. */
    public static TenantId requireMayListPeople() {
        if (!isCoordinator() && !isManager()) {
            throw new Denied("Only a coordinator or a manager of the organisation may list its people.");
        }
        return callersTenant();
    }

    /** Refuses a caller who is neither the person nor a coordinator of their organisation. */
    public static void requireThePersonOrACoordinator(UUID person) {
        if (!isThePerson(person) && !isCoordinator()) {
            throw new Denied("Only the person or a coordinator of their organisation may read this.");
        }
    }

    /** The rule of the funder's participant list, which reporting applies to the programme's owner as well. */
    public static final String PARTICIPANT_LIST_RULE = "Only the project leader of the programme's owner (its"
            + " coordinator, or the federation coordinator when a federation owns it) may list the programme's"
            + " participants.";

    /**
     * The organisation whose project leader the caller may be: a coordinator's or a federation coordinator's own.
     * Whether it owns a given programme is reporting's to say.
     */
    public static TenantId requireMayBeProjectLeader() {
        if (!isCoordinator()) {
            throw new Denied(PARTICIPANT_LIST_RULE);
        }
        return callersTenant();
    }

    /** Refuses anyone but a platform administrator onboarding an organisation. */
    public static void requireMayOnboard() {
        if (!isPlatformAdmin()) {
            throw new Denied("Only a platform administrator may onboard an organisation.");
        }
    }

    /** Refuses anyone but a platform administrator appointing an organisation's first coordinator. */
    public static void requireMayAppointFirstCoordinator() {
        if (!isPlatformAdmin()) {
            throw new Denied("Only a platform administrator may appoint an organisation's first coordinator; its"
                    + " coordinators appoint the others.");
        }
    }

    /** Refuses anyone but the organisation's coordinators and platform administrators changing its profile. */
    public static void requireMayChangeOrganisation(TenantId organisation) {
        if (!managesOrganisation(organisation)) {
            throw new Denied(
                    "Only a coordinator of the organisation or a platform administrator may change its profile.");
        }
    }

    /** Refuses anyone but the organisation's coordinators and platform administrators reading its invitations. */
    public static void requireMayReadReceivedInvitations(TenantId organisation) {
        if (!managesOrganisation(organisation)) {
            throw new Denied("Only a coordinator of the organisation or a platform administrator may read the"
                    + " invitations it received.");
        }
    }

    /** Refuses anyone but the federation's side (its coordinators, platform administrators) inviting or withdrawing. */
    public static void requireFederationSide(TenantId federation) {
        if (!managesOrganisation(federation)) {
            throw new Denied("Only a coordinator of the federation or a platform administrator may invite an"
                    + " organisation or withdraw an invitation.");
        }
    }

    /** Refuses a caller who coordinates neither the federation nor any organisation it may invite. */
    public static void requireMayReadInvitations(TenantId federation) {
        if (!managesOrganisation(federation) && !isCoordinator()) {
            throw new Denied(
                    "Only a coordinator of the federation or of an invited organisation may read invitations.");
        }
    }

    /** Refuses anyone but the coordinators of the federation or of the member, and platform administrators. */
    public static void requireMayEndMembership(TenantId federation, TenantId member) {
        if (!managesOrganisation(federation) && !coordinates(member)) {
            throw new Denied("Only a coordinator of the federation or of the member, or a platform administrator, may"
                    + " end a membership.");
        }
    }

    /** Refuses anyone but the invited organisation's coordinators and platform administrators declining. */
    public static void requireMayDecline(TenantId member) {
        if (!managesOrganisation(member)) {
            throw new Denied("Only a coordinator of the invited organisation or a platform administrator may decline"
                    + " an invitation.");
        }
    }

    /** The refusal of an acceptance by anyone but the invited organisation's coordinators or an administrator. */
    public static Denied mayNotAccept() {
        return new Denied("Only a coordinator of the invited organisation may accept an invitation (or a platform"
                + " administrator record its decision).");
    }

    private static TenantId coordinatorsTenant(String rule) {
        if (!isCoordinator()) {
            throw new Denied(rule);
        }
        return callersTenant();
    }
}
