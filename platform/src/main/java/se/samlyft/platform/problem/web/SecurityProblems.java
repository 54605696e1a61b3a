package se.samlyft.platform.problem.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.samlyft.platform.security.Denied;

/**
 * Spring Security's refusals as problems: a request without a valid bearer token (401) and a caller whose token does
 * not allow the request (403; a {@link Denied} names the rule it applied) are answered as the resource server answers them, status and
 * {@code WWW-Authenticate} included, with a problem as the body instead of an empty one.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        String detail = failure instanceof OAuth2AuthenticationException
                ? "The bearer token is not valid: it may have expired, or come from another issuer or for another"
                        + " audience. WWW-Authenticate says more."
                : "This request needs a bearer token from the Samlyft realm.";
        ProblemResponses.write(request, response, ProblemResponses.problem(response.getStatus(), detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        ProblemResponses.write(
                request,
                response,
                ProblemResponses.problem(
                        response.getStatus(),
                        denied instanceof Denied rule ? rule.rule() : "Your roles do not allow this request."));
    }
}
