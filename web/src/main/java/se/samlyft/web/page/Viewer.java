package se.samlyft.web.page;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The logged-in person as the layout shows them: their name and which pages are theirs (a manager's, a coordinator's, a
 * project leader's or an administrator's besides a participant's). What they may do is decided by the APIs; this only
 * chooses the links.
 */
public record Viewer(String name, Set<String> roles) {

    public static Viewer of(Authentication authentication) {
        String name = authentication.getName();
        if (authentication.getPrincipal() instanceof OidcUser user && user.getFullName() != null) {
            name = user.getFullName();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Viewer(name, roles);
    }

    public boolean isManager() {
        return roles.contains("manager");
    }

    /** A municipality's or provider's contact person (samordnare). */
    public boolean isCoordinator() {
        return roles.contains("coordinator");
    }

    /** A federation's project leader (projektledare). */
    public boolean isProjectLeader() {
        return roles.contains("federation-coordinator");
    }

    /** Whoever manages an organisation's courses, offerings and programmes: a coordinator or a project leader. */
    public boolean managesCatalog() {
        return isCoordinator() || isProjectLeader();
    }

    /** The installation's staff (förvaltare), who belong to no organisation. */
    public boolean isAdministrator() {
        return roles.contains("platform-admin");
    }

    /** Whether the person takes courses: everyone of an organisation, not the installation's staff. */
    public boolean takesCourses() {
        return !isAdministrator() || roles.contains("participant");
    }
}
