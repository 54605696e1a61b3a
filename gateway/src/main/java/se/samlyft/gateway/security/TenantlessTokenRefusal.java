package se.samlyft.gateway.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.samlyft.platform.problem.web.ProblemResponses;
import se.samlyft.platform.problem.web.SecurityProblems;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.Role;

/**
 * Answers a valid token that names no organisation (or several) with a 403 problem that says so (for a platform
 * administrator: which routes their token reaches); every other refusal as the platform answers it.
 */
final class TenantlessTokenRefusal implements AccessDeniedHandler {

    static final String DETAIL = "The token names no organisation (or more than one). Every request through the"
            + " gateway acts for exactly one organisation; ask for a token with the organization scope.";

    static final String ADMINISTRATOR_DETAIL = "A platform administrator's token reaches only the administration"
            + " routes (organisations, their first coordinators, federations and invitations, the read model), never an"
            + " organisation's data.";

    private final SecurityProblems problems;

    TenantlessTokenRefusal(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Jwt jwt
                && Caller.from(jwt).tenant().isEmpty()) {
            String detail = Caller.from(jwt).hasRole(Role.PLATFORM_ADMIN) ? ADMINISTRATOR_DETAIL : DETAIL;
            ProblemResponses.write(request, response, ProblemResponses.problem(403, detail));
            return;
        }
        problems.handle(request, response, denied);
    }
}
