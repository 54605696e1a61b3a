package se.samlyft.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import se.samlyft.platform.problem.web.SecurityProblems;

/**
 * Zero-trust defaults for every Samlyft process: each request but health, metrics and the API documents carries a
 * valid bearer token from the realm, and no session is kept; the other actuator endpoints (on the management port: the
 * dead letters, a service's maintenance) are the installation's administrators' alone. A refusal (401, 403) is a problem, with the resource server's {@code
 * WWW-Authenticate}.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
public class SecurityAutoConfiguration {

    /** Every actuator endpoint but health, info and metrics: the dead letters, a service's own maintenance. */
    static final String[] ADMINISTRATOR_PATHS = {"/actuator", "/actuator/**"};

    static final String[] OPEN_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain samlyftSecurityFilterChain(HttpSecurity http) {
        SecurityProblems problems = new SecurityProblems();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PATHS)
                        .permitAll()
                        .requestMatchers(ADMINISTRATOR_PATHS)
                        .hasRole(Role.PLATFORM_ADMIN.realmRole())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
