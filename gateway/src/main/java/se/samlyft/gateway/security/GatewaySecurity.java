package se.samlyft.gateway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.gateway.routing.ServiceRoutes;
import se.samlyft.platform.problem.web.ContainerRefusals;
import se.samlyft.platform.problem.web.SecurityProblems;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CallerAuthenticationConverter;
import se.samlyft.platform.security.Role;

/**
 * Who may pass the gateway. Every request but health, metrics (both on the management port only) and the API documents
 * needs a bearer token that a trusted issuer
 * signed with an asymmetric algorithm, that has not expired and is meant for the platform's audience, and that names
 * the caller's organisation (tenant); a platform administrator's token, which names none, passes on the
 * administration routes only. Refusals are problems. Responses carry security headers, and browsers from the
 * configured origins may call the API.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        ServiceRoutes.API_DOCS_PATH,
        ServiceRoutes.API_DOCS_PATH + "/*",
        ServiceRoutes.API_DOCS_PATH + "/events/*",
        "/error"
    };

    /**
     * No script, style, frame or plugin content: the gateway serves JSON only. The same as the answers to requests
     * Tomcat refuses by itself.
     */
    static final String CONTENT_SECURITY_POLICY = ContainerRefusals.SECURITY_HEADERS.get("Content-Security-Policy");

    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    @Bean
    SecurityFilterChain gatewaySecurityFilterChain(
            HttpSecurity http, JwtDecoder jwtDecoder, GatewayProperties properties) {
        SecurityProblems problems = new SecurityProblems();
        TenantlessTokenRefusal tenantless = new TenantlessTokenRefusal(problems);
        List<RequestMatcher> administration = properties.administration().routes().stream()
                .map(GatewaySecurity::matcherOf)
                .toList();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PATHS)
                        .permitAll()
                        .anyRequest()
                        .access(tenantOrAdministration(administration)))
                .oauth2ResourceServer(server -> server.jwt(jwt ->
                                jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(tenantless))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(tenantless))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> {})
                .headers(headers -> headers.contentTypeOptions(options -> {})
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)));
        return http.build();
    }

    /**
     * An authenticated caller whose token names exactly one organisation; or a platform administrator's token, which
     * names none, on one of the administration routes.
     */
    private static AuthorizationManager<RequestAuthorizationContext> tenantOrAdministration(
            List<RequestMatcher> administration) {
        return (authentication, context) -> {
            var authenticated = authentication.get();
            if (authenticated == null
                    || !authenticated.isAuthenticated()
                    || !(authenticated.getPrincipal() instanceof Jwt jwt)) {
                return new AuthorizationDecision(false);
            }
            Caller caller = Caller.from(jwt);
            boolean allowed = caller.tenant().isPresent()
                    || caller.hasRole(Role.PLATFORM_ADMIN)
                            && administration.stream().anyMatch(route -> route.matches(context.getRequest()));
            return new AuthorizationDecision(allowed);
        };
    }

    private static RequestMatcher matcherOf(String route) {
        String[] parts = route.strip().split("\\s+");
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
    }

    /**
     * Decodes and checks tokens: signature by a key of the realm's JWKS with one of the configured algorithms (only
     * asymmetric ones are accepted at all, so neither {@code none} nor a shared-secret algorithm can pass), expiry and
     * not-before, an issuer on the allowlist, and the configured audience. A token accepted once is kept for a while
     * ({@link CheckedTokens}): its signature is not checked again, its claims are.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, GatewayProperties properties) {
        OAuth2ResourceServerProperties.Jwt settings = resourceServer.getJwt();
        Set<SignatureAlgorithm> algorithms = asymmetric(settings.getJwsAlgorithms());
        String jwkSetUri = settings.getJwkSetUri();
        if (jwkSetUri == null) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is not set");
        }
        Set<String> issuers = new TreeSet<>(properties.security().trustedIssuers());
        if (issuers.isEmpty() && settings.getIssuerUri() != null) {
            issuers.add(settings.getIssuerUri());
        }
        if (issuers.isEmpty()) {
            throw new IllegalStateException("The gateway trusts no token issuer: set samlyft.gateway.security"
                    + ".trusted-issuers or spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        List<String> audiences = List.copyOf(settings.getAudiences());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithms(allowed -> allowed.addAll(algorithms))
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<Object>(
                JwtClaimNames.ISS, issuer -> issuer != null && issuers.contains(issuer.toString())));
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        GatewayProperties.Security security = properties.security();
        if (security.tokenCacheSize() == 0 || security.tokenCacheFor().isZero()) {
            return decoder;
        }
        return new CheckedTokens(
                decoder, validator, security.tokenCacheSize(), security.tokenCacheFor(), Clock.systemUTC());
    }

    static Set<SignatureAlgorithm> asymmetric(List<String> names) {
        Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new IllegalStateException(
                        "The token algorithm " + name
                                + " is not an asymmetric signature algorithm; the gateway accepts RS, PS and ES algorithms only");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalStateException("No token signature algorithm is configured");
        }
        return algorithms;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
                "X-Correlation-Id",
                "traceparent",
                "tracestate"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id", "WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
