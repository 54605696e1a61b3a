package se.samlyft.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings under {@code samlyft.gateway}: the services it routes to, how long it waits for them, when it
 * stops calling one that fails, how many requests a tenant and a client may make, which issuers it trusts, which
 * browser origins may call it and which routes the installation's administrators reach. Where each service's instances run is Spring Cloud's simple discovery
 * ({@code spring.cloud.discovery.client.simple.instances.<service>[i].uri}).
 */
@ConfigurationProperties("samlyft.gateway")
public record GatewayProperties(
        Map<String, Service> services,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue CircuitBreaking circuitBreaker,
        @DefaultValue RateLimits rateLimit,
        @DefaultValue Cors cors,
        @DefaultValue Security security,
        @DefaultValue Administration administration) {

    public GatewayProperties {
        services = Map.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("samlyft.gateway.services names no service to route to");
        }
    }

    /**
     * One service behind the gateway: the paths routed to it and how long its whole answer may take. Without an answer
     * by then, the gateway answers 504; an answer still arriving then is cut off.
     */
    public record Service(
            List<String> paths, @DefaultValue("10s") Duration timeout) {

        public Service {
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("A service needs at least one path");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("A service's timeout must be positive");
            }
        }
    }

    /**
     * When a service's circuit opens: once at least {@code minimumCalls} of the last {@code slidingWindow} calls were
     * made and {@code failureRatePercent} of them failed (no answer, or no answer in time). While open, calls are
     * answered 503 at once for {@code openFor}; then a few trial calls decide whether it closes again.
     */
    public record CircuitBreaking(
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration openFor) {}

    /**
     * Requests allowed per tenant (all its users and clients together), per client of a tenant (the token's
     * {@code azp}; {@code clients} gives named clients a budget of their own instead, such as the web application,
     * which is one client for all of a tenant's people) and per person (the token's {@code sub}, for tokens that name
     * a person), so that one noisy integration or one person cannot use up their organisation's share.
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue Limit perTenant,
            @DefaultValue Limit perClient,
            @DefaultValue Limit perPerson,
            @DefaultValue Map<String, Limit> clients) {

        public RateLimits {
            clients = Map.copyOf(clients);
        }

        /** The budget of {@code client} within a tenant: its own when {@code clients} names it, else the default. */
        public Limit ofClient(String client) {
            return clients.getOrDefault(client, perClient);
        }
    }

    /** {@code requests} per {@code period}, refilled gradually; a burst may use the whole amount at once. */
    public record Limit(
            @DefaultValue("100") long requests,
            @DefaultValue("1s") Duration period) {

        public Limit {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a positive number of requests and period");
            }
        }
    }

    /** The browser origins that may call the API (the web client's). */
    public record Cors(
            @DefaultValue("http://localhost:5173") List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * What the installation's staff (realm role {@code platform-admin}, a token that names no organisation) may reach
     * through the gateway: each route as {@code METHOD /path/pattern}, for example
     * {@code POST /api/identity/organisations}. Nothing else, so never an organisation's data.
     */
    public record Administration(@DefaultValue List<String> routes) {

        public Administration {
            routes = List.copyOf(routes);
            for (String route : routes) {
                String[] parts = route.strip().split("\\s+");
                if (parts.length != 2 || !parts[1].startsWith("/")) {
                    throw new IllegalArgumentException(
                            "An administration route is 'METHOD /path/pattern', not '" + route + "'");
                }
            }
        }
    }

    /**
     * The token issuers the gateway accepts (when empty, the one issuer of the resource server's settings), and how
     * many checked tokens it keeps, each for at most {@code tokenCacheFor}, so that a caller's next request with the
     * same token skips the signature check ({@code tokenCacheSize} 0: every request's token is checked in full).
     */
    public record Security(
            @DefaultValue List<String> trustedIssuers,
            @DefaultValue("10000") int tokenCacheSize,
            @DefaultValue("5m") Duration tokenCacheFor) {

        public Security {
            trustedIssuers = List.copyOf(trustedIssuers);
            if (tokenCacheSize < 0) {
                throw new IllegalArgumentException("samlyft.gateway.security.token-cache-size must not be negative");
            }
            if (tokenCacheFor.isNegative()) {
                throw new IllegalArgumentException("samlyft.gateway.security.token-cache-for must not be negative");
            }
        }
    }
}
