package se.samlyft.web.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web application's settings under {@code samlyft.web}: where the gateway answers, how long an API call may take,
 * and the Keycloak realm and confidential client people log in with.
 */
@ConfigurationProperties("samlyft.web")
public record WebProperties(
        @DefaultValue("http://127.0.0.1:8080") URI gatewayUrl,
        @DefaultValue("10s") Duration apiTimeout,
        @DefaultValue Keycloak keycloak) {

    /**
     * The realm's issuer (its URL as the browser and the tokens name it), where the application itself reaches the
     * realm if not there (in a cluster, Keycloak's internal address: {@code backchannelUri}), and the web application's
     * own client in it.
     */
    public record Keycloak(
            @DefaultValue("http://localhost:8180/realms/samlyft")
            String issuerUri,

            @Nullable String backchannelUri,
            @DefaultValue("samlyft-web-app") String clientId,
            @DefaultValue("samlyft-web-app-secret") String clientSecret) {

        /**
         * The realm's URL for the application's own calls (redeeming codes, refreshing tokens, fetching keys): the
         * backchannel address when one is set, the issuer otherwise.
         */
        public String serverUri() {
            return backchannelUri == null || backchannelUri.isBlank() ? issuerUri : backchannelUri;
        }

        /** The scheme, host and port of the issuer: where the browser is sent to log in and out. */
        public String origin() {
            URI issuer = URI.create(issuerUri);
            return issuer.getScheme() + "://" + issuer.getAuthority();
        }
    }
}
