package se.samlyft.web.api;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import se.samlyft.web.config.SecurityConfiguration;
import se.samlyft.web.config.WebProperties;

/**
 * The HTTP client of the gateway: every request carries the logged-in person's own access token, which the
 * authorized-client manager takes from the session and refreshes when it has expired. An answer that says the token
 * is no longer valid removes it from the session, so that the next page logs the person in again.
 */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    @Bean
    RestClient gatewayClient(
            RestClient.Builder builder,
            WebProperties properties,
            OAuth2AuthorizedClientManager authorizedClientManager,
            OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2ClientHttpRequestInterceptor personsToken =
                new OAuth2ClientHttpRequestInterceptor(authorizedClientManager);
        personsToken.setClientRegistrationIdResolver(request -> SecurityConfiguration.KEYCLOAK);
        personsToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.apiTimeout()).build());
        requests.setReadTimeout(properties.apiTimeout());
        return builder.baseUrl(properties.gatewayUrl().toString())
                .requestFactory(requests)
                .requestInterceptor(personsToken)
                .build();
    }
}
