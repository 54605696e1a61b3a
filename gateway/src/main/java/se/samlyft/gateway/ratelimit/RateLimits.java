package se.samlyft.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Rate limits on the API routes: one budget per tenant, shared by all its users and clients; a smaller one per client
 * of a tenant (the token's {@code azp}, the OAuth client that asked for it), unless the settings give that client a
 * budget of its own (the web application, one client for all of a tenant's people, gets one that fits a tenant); and
 * one per person (the token's {@code sub}, for a token that names a person in {@code person_id}), so that a noisy
 * integration or one person's runaway page uses up their own budget before their organisation's, and never another
 * organisation's. A request over any is answered 429 with {@code Retry-After} (whole seconds until a request fits
 * again) and a problem that names the limit; a refused request costs no other budget.
 */
public final class RateLimits implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    /** The client of a token that names none. */
    static final String UNNAMED_CLIENT = "-";

    /** The budget of the installation's administrators; no tenant id can be it (ids have no dots). */
    static final String ADMINISTRATION = "platform.administration";

    /** The claim that names the person a token was issued to (the realm maps it from the user's {@code personId}). */
    static final String PERSON_CLAIM = "person_id";

    private final boolean enabled;
    private final GatewayProperties.RateLimits settings;
    private final BucketConfiguration perTenant;
    private final BucketConfiguration perPerson;
    private final Map<String, BucketConfiguration> perClient = new ConcurrentHashMap<>();
    private final RateLimitBuckets buckets;

    public RateLimits(GatewayProperties.RateLimits settings, RateLimitBuckets buckets) {
        this.enabled = settings.enabled();
        this.settings = settings;
        this.perTenant = configurationOf(settings.perTenant());
        this.perPerson = configurationOf(settings.perPerson());
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
        Jwt jwt = token.get();
        String organisation = budget.get();
        List<Bucket> taken = new ArrayList<>();
        String subject = jwt.getSubject();
        if (subject != null && jwt.hasClaim(PERSON_CLAIM)) {
            Bucket personBucket = buckets.bucket("person:" + organisation + ":" + subject, perPerson);
            ConsumptionProbe byPerson = personBucket.tryConsumeAndReturnRemaining(1);
            if (!byPerson.isConsumed()) {
                return tooManyRequests(byPerson, "You have made too many requests in a short time.");
            }
            taken.add(personBucket);
        }
        String client = Optional.ofNullable(jwt.getClaimAsString("azp")).orElse(UNNAMED_CLIENT);
        Bucket clientBucket = buckets.bucket(
                "client:" + organisation + ":" + client,
                perClient.computeIfAbsent(client, named -> configurationOf(settings.ofClient(named))));
        ConsumptionProbe byClient = clientBucket.tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            giveBack(taken);
            return tooManyRequests(
                    byClient, "This client (" + client + ") has made too many requests for your organisation.");
        }
        taken.add(clientBucket);
        ConsumptionProbe byTenant =
                buckets.bucket("tenant:" + organisation, perTenant).tryConsumeAndReturnRemaining(1);
        if (!byTenant.isConsumed()) {
            giveBack(taken);
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
        return caller.hasRole(Role.PLATFORM_ADMIN) ? Optional.of(ADMINISTRATION) : Optional.empty();
    }

    private static void giveBack(List<Bucket> taken) {
        taken.forEach(bucket -> bucket.addTokens(1));
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
