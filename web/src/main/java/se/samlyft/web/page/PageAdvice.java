package se.samlyft.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.samlyft.web.api.ApiProblem;

/**
 * What every page's layout needs (the logged-in person and the current path, for the navigation), and the pages for
 * what went wrong: an object the API does not show this person is "not found", whether it exists or not; a busy or
 * unreachable platform says to try again shortly; tokens that can no longer be refreshed send the person to log in.
 */
@ControllerAdvice
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("viewer")
    @Nullable
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return Viewer.of(authentication);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletResponse response, Model model) {
        model.addAttribute("correlationId", problem.correlationId().orElse(null));
        if (problem.isNotFound()) {
            response.setStatus(404);
            return "error/404";
        }
        if (problem.isTemporary()) {
            response.setStatus(503);
            model.addAttribute(
                    "retryAfter",
                    problem.retryAfter().map(wait -> wait.toSeconds()).orElse(null));
            return "error/try-again";
        }
        if (problem.status() == 403) {
            response.setStatus(403);
            return "error/403";
        }
        log.warn(
                "An API answered {} ({}), correlation id {}",
                problem.status(),
                problem.detail(),
                problem.correlationId().orElse("-"));
        response.setStatus(502);
        return "error";
    }

    /** The person's tokens could not be refreshed (their Keycloak session ended): log them in again. */
    @ExceptionHandler(ClientAuthorizationException.class)
    String loginAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:" + ("GET".equals(request.getMethod()) ? request.getRequestURI() : "/");
    }
}
