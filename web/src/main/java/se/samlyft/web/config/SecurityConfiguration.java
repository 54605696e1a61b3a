package se.samlyft.web.config;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see what, and how people log in and out. Everything but the start page, the static files and health needs
 * a login through Keycloak: the authorization code flow with PKCE as the realm's confidential client
 * {@code samlyft-web-app}. The tokens stay in the server-side session ({@link HttpSessionOAuth2AuthorizedClientRepository})
 * and are refreshed there; the browser holds only the session cookie. Forms carry Spring Security's CSRF token, the
 * Content Security Policy allows scripts and styles from this application only, and logging out also ends the
 * Keycloak session (OpenID Connect RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The registration id of Keycloak, as it appears in the login and redirect paths. */
    public static final String KEYCLOAK = "keycloak";

    static final String LOGIN = "/oauth2/authorization/" + KEYCLOAK;
    static final String SESSION_COOKIE = "samlyft-session";

    @Bean
    SecurityFilterChain pages(
            HttpSecurity http,
            WebProperties properties,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
        LoginUrlAuthenticationEntryPoint toKeycloak = new LoginUrlAuthenticationEntryPoint(LOGIN);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(realmRoles())))
                .oauth2Client(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) -> {
                    if (request.getHeader("HX-Request") != null) {
                        // An htmx request after the session ended: the whole page goes to the login.
                        response.setHeader("HX-Redirect", LOGIN);
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        toKeycloak.commence(request, response, failure);
                    }
                }))
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession)
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(SESSION_COOKIE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                contentSecurityPolicy(properties.keycloak().origin())))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    /**
     * Scripts, styles, images and fonts from this application only, no inline script or style, no frames; forms post
     * here, and the logout's redirect may go on to Keycloak.
     */
    static String contentSecurityPolicy(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
                + " form-action 'self' " + keycloakOrigin;
    }

    /** The realm roles the ID token carries in {@code realm_access.roles}, as authorities {@code ROLE_<role>}. */
    static GrantedAuthoritiesMapper realmRoles() {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc
                        && oidc.getIdToken().getClaim("realm_access") instanceof Map<?, ?> access
                        && access.get("roles") instanceof Collection<?> roles) {
                    roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }

    /**
     * Keycloak's endpoints named from the issuer, so that the application starts without asking Keycloak for its
     * configuration (the platform starts them side by side); the end-session endpoint is what logout needs. The
     * browser's endpoints (login, logout) are the issuer's; the application's own (tokens, keys) are on {@link
     * WebProperties.Keycloak#serverUri()}, Keycloak's internal address in a cluster.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties properties) {
        WebProperties.Keycloak keycloak = properties.keycloak();
        String endpoints = keycloak.issuerUri() + "/protocol/openid-connect";
        String serverEndpoints = keycloak.serverUri() + "/protocol/openid-connect";
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(KEYCLOAK)
                .clientName("Samlyft")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(endpoints + "/auth")
                .tokenUri(serverEndpoints + "/token")
                .jwkSetUri(serverEndpoints + "/certs")
                .issuerUri(keycloak.issuerUri())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .build());
    }

    /** The person's tokens live in their HTTP session, on this server. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the person's access token for an API call, refreshing it with the refresh token when it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
