package se.samlyft.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Where the web application sends the browser and where it calls Keycloak itself: with a backchannel address (a
 * cluster's internal one) the application redeems codes and fetches keys there, while the browser still logs in and
 * out at the issuer, which the tokens name; without one, everything is at the issuer.
 */
class KeycloakEndpointsTest {

    private static final String ISSUER = "https://login.samlyft.example/realms/samlyft";

    @Test
    void theApplicationsOwnCallsGoToTheBackchannelAndTheBrowserToTheIssuer() {
        ClientRegistration keycloak =
                registration(new WebProperties.Keycloak(ISSUER, "http://keycloak:8080/realms/samlyft", "app", "s3"));

        assertThat(keycloak.getProviderDetails().getTokenUri())
                .isEqualTo("http://keycloak:8080/realms/samlyft/protocol/openid-connect/token");
        assertThat(keycloak.getProviderDetails().getJwkSetUri())
                .isEqualTo("http://keycloak:8080/realms/samlyft/protocol/openid-connect/certs");
        assertThat(keycloak.getProviderDetails().getAuthorizationUri())
                .isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(keycloak.getProviderDetails().getConfigurationMetadata())
                .containsEntry("end_session_endpoint", ISSUER + "/protocol/openid-connect/logout");
        assertThat(keycloak.getProviderDetails().getIssuerUri()).isEqualTo(ISSUER);
    }

    @Test
    void withoutABackchannelEverythingIsAtTheIssuer() {
        ClientRegistration keycloak = registration(new WebProperties.Keycloak(ISSUER, " ", "app", "s3"));

        assertThat(keycloak.getProviderDetails().getTokenUri()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
        assertThat(keycloak.getProviderDetails().getJwkSetUri()).isEqualTo(ISSUER + "/protocol/openid-connect/certs");
    }

    private static ClientRegistration registration(WebProperties.Keycloak keycloak) {
        WebProperties properties =
                new WebProperties(URI.create("http://gateway:8080"), Duration.ofSeconds(10), keycloak);
        return new SecurityConfiguration()
                .clientRegistrations(properties)
                .findByRegistrationId(SecurityConfiguration.KEYCLOAK);
    }
}
