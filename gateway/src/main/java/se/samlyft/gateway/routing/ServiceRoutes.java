package se.samlyft.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.gateway.ratelimit.RateLimits;

/**
 * One route per service from {@code samlyft.gateway.services}: its API paths, and {@code /api/docs/<service>} for its
 * OpenAPI document. Each request is rate limited (API routes only), passes the service's circuit breaker, and goes to
 * one of the service's ready instances, chosen round robin by Spring Cloud LoadBalancer ({@code lb://<service>}), which
 * asks each instance for its readiness from time to time, on its management port ({@link InstanceReadiness}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceReadiness.class)
public class ServiceRoutes {

    /** The name of the client that asks the instances whether they are ready. */
    static final String INSTANCE_HEALTH_CHECKS = "instanceHealthChecks";

    /** Where a service's OpenAPI document is, on every service. */
    static final String SERVICE_API_DOCS_PATH = "/v3/api-docs";

    /** Where the gateway serves a service's OpenAPI document. */
    public static final String API_DOCS_PATH = "/api/docs";

    /** How long an instance may take to answer a readiness check. */
    static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    static String apiRouteId(String service) {
        return service;
    }

    static String docsRouteId(String service) {
        return "api-docs-" + service;
    }

    /** After the correlation id is set, before the token is checked: a malformed key is refused whoever sends it. */
    @Bean
    FilterRegistrationBean<IdempotencyKeyCheck> idempotencyKeyCheck() {
        FilterRegistrationBean<IdempotencyKeyCheck> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyCheck());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    @Bean
    ServiceCalls serviceCalls(GatewayProperties properties, ObjectProvider<MeterRegistry> meters) {
        ServiceCalls calls = new ServiceCalls(properties.circuitBreaker());
        meters.ifAvailable(registry -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(calls.circuitBreakers())
                .bindTo(registry));
        return calls;
    }

    /**
     * The client Spring Cloud LoadBalancer checks the instances' readiness with: short timeouts, so an instance that
     * does not answer is out of rotation within one check.
     */
    @Bean(INSTANCE_HEALTH_CHECKS)
    RestClient instanceHealthChecks(RestClient.Builder restClients, GatewayProperties properties) {
        return restClients
                .clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(HttpClientSettings.defaults()
                                .withRedirects(HttpRedirects.DONT_FOLLOW)
                                .withTimeouts(properties.connectTimeout(), HEALTH_CHECK_TIMEOUT)))
                .build();
    }

    @Bean
    PerServiceProxyExchange perServiceProxyExchange(
            GatewayProperties properties, RestClient.Builder restClients, GatewayMvcProperties gatewayProperties) {
        return new PerServiceProxyExchange(properties, restClients, gatewayProperties);
    }

    @Bean
    RouterFunction<ServerResponse> serviceRouterFunction(
            GatewayProperties properties, ServiceCalls calls, RateLimits rateLimits) {
        return properties.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(service -> apiRoute(service.getKey(), service.getValue(), calls, rateLimits)
                        .and(docsRoute(service.getKey(), calls)))
                .reduce(RouterFunction::and)
                .orElseThrow();
    }

    private static RouterFunction<ServerResponse> apiRoute(
            String service, GatewayProperties.Service settings, ServiceCalls calls, RateLimits rateLimits) {
        return route(apiRouteId(service))
                .route(path(settings.paths().toArray(String[]::new)), http())
                .filter(rateLimits)
                .filter(calls.to(service))
                .filter(lb(service))
                .build();
    }

    private static RouterFunction<ServerResponse> docsRoute(String service, ServiceCalls calls) {
        return route(docsRouteId(service))
                .GET(API_DOCS_PATH + "/" + service, http())
                .before(setPath(SERVICE_API_DOCS_PATH))
                .filter(calls.to(service))
                .filter(lb(service))
                .build();
    }
}
