package se.samlyft.gateway.routing;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerResponse;
import se.samlyft.gateway.GatewayProperties;

/**
 * Sends each proxied request with the HTTP client of its service, so that every service has its own timeout: the
 * connect timeout, and the time the whole answer may take (an answer still arriving then is cut off, so a stalled
 * service never holds a request). Redirects are passed to the client, never
 * followed.
 */
public final class PerServiceProxyExchange implements ProxyExchange {

    private final Map<String, ProxyExchange> byRoute = new HashMap<>();

    public PerServiceProxyExchange(
            GatewayProperties properties, RestClient.Builder restClients, GatewayMvcProperties gatewayProperties) {
        properties.services().forEach((service, settings) -> {
            RestClient client = restClients
                    .clone()
                    .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                            .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                            .build(settingsFor(properties.connectTimeout(), settings.timeout())))
                    .build();
            ProxyExchange exchange = new RelayingProxyExchange(client, gatewayProperties, service, settings.timeout());
            byRoute.put(ServiceRoutes.apiRouteId(service), exchange);
            byRoute.put(ServiceRoutes.docsRouteId(service), exchange);
        });
    }

    private static HttpClientSettings settingsFor(Duration connectTimeout, Duration responseTimeout) {
        return HttpClientSettings.defaults()
                .withRedirects(HttpRedirects.DONT_FOLLOW)
                .withTimeouts(connectTimeout, responseTimeout);
    }

    @Override
    public ServerResponse exchange(Request request) {
        Object routeId = request.getServerRequest().attributes().get(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        ProxyExchange exchange = routeId == null ? null : byRoute.get(routeId.toString());
        if (exchange == null) {
            throw new IllegalStateException("No service is configured for the route " + routeId);
        }
        return exchange.exchange(request);
    }
}
