package se.samlyft.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.platform.problem.web.ProblemResponses;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Rate limits on the API routes: one budget per tenant, shared by all its users and clients, and a smaller one per
 * client of a tenant (the token's {@code azp}, the OAuth client that asked for it), so a noisy integration uses up its
 * own budget before its organisation's, and never another organisation's. A request over either is answered 429 with
 * {@code Retry-After} (whole seconds until a request fits again) and a problem.
 */
public final class RateLimits implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    /** The client of a token that names none. */
    static final String UNNAMED_CLIENT = "-";

    /** The budget of the installation's administrators; no tenant id can be it (ids have no dots). */
    static final String ADMINISTRATION = "platform.administration";

    private final boolean enabled;
    private final BucketConfiguration perTenant;
    private final BucketConfiguration perClient;
    private final RateLimitBuckets buckets;

    public RateLimits(GatewayProperties.RateLimits settings, RateLimitBuckets buckets) {
        this.enabled = settings.enabled();
        this.perTenant = configurationOf(settings.perTenant());
        this.perClient = configurationOf(settings.perClient());
        this.buckets = buckets;
    }

    private static BucketConfiguration configurationOf(GatewayProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period())
                        .build())
                .build();
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        Optional<Jwt> token = currentToken();
        Optional<String> budget = token.flatMap(RateLimits::budgetOf);
        if (!enabled || token.isEmpty() || budget.isEmpty()) {
            return next.handle(request);
        }
        String client = Optional.ofNullable(token.get().getClaimAsString("azp")).orElse(UNNAMED_CLIENT);
        Bucket clientBucket = buckets.bucket("client:" + budget.get() + ":" + client, perClient);
        ConsumptionProbe byClient = clientBucket.tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            return tooManyRequests(
                    byClient, "This client (" + client + ") has made too many requests for your organisation.");
        }
        ConsumptionProbe byTenant =
                buckets.bucket("tenant:" + budget.get(), perTenant).tryConsumeAndReturnRemaining(1);
        if (!byTenant.isConsumed()) {
            clientBucket.addTokens(1);
            return tooManyRequests(byTenant, "Your organisation has made too many requests.");
        }
        return next.handle(request);
    }

    /**
     * Whose budget a token spends: its organisation's, or for the installation's staff (whose tokens name none) the
     * administration's, shared by all of them.
     */
    private static Optional<String> budgetOf(Jwt token) {
        Caller caller = Caller.from(token);
        if (caller.tenant().isPresent()) {
            return caller.tenant().map(TenantId::value);
        }
        return caller.hasRole("platform-admin") ? Optional.of(ADMINISTRATION) : Optional.empty();
    }

    private static Optional<Jwt> currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.of(jwt)
                : Optional.empty();
    }

    private static ServerResponse tooManyRequests(ConsumptionProbe probe, String reason) {
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        var problem = ProblemResponses.problem(
                HttpStatus.TOO_MANY_REQUESTS.value(), reason + " Try again in " + retryAfter + " s.");
        return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .build((servletRequest, servletResponse) -> {
                    ProblemResponses.write(servletRequest, servletResponse, problem);
                    return null;
                });
    }
}
