package se.samlyft.gateway.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samlyft.platform.idempotency.IdempotencyKeys;

/**
 * Refuses an {@code Idempotency-Key} that the services would refuse, on the requests they read it on, with their 400
 * problem, before the request is passed on. The gateway's HTTP client sends headers as ASCII and would turn every other character into a question
 * mark, so two different keys could reach a service as one; a key that is passed on is therefore the same bytes at
 * the service as at the gateway.
 */
final class IdempotencyKeyCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IdempotencyKeys.appliesTo(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!IdempotencyKeys.refusedIfMalformed(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
