package se.samlyft.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the request being served, read from the security context; empty outside an authenticated request. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Optional<Caller> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(Caller.from(token.getToken()));
        }
        return Optional.empty();
    }
}
