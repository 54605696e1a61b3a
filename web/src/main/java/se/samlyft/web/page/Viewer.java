package se.samlyft.web.page;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The logged-in person as the layout shows them: their name and which pages are theirs (a manager's pages besides a
 * participant's). What they may do is decided by the APIs; this only chooses the links.
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
}
