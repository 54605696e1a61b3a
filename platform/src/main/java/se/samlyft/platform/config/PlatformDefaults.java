package se.samlyft.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Samlyft process shares, added with the lowest precedence so a service's own configuration, the
 * environment or the command line can override each one, and the Kafka client settings of the service's principal
 * ({@link KafkaCredentials}). Every statement has a {@code statement_timeout}: the application's connections {@code
 * samlyft.jdbc.statement-timeout} (30 s; a transaction that needs longer sets its own with {@code set local}), the
 * migrations' {@code samlyft.jdbc.migration-statement-timeout} (15 min). A service given an address to bind to ({@code server.address}) binds its management
 * port there too, unless {@code management.server.address} says otherwise.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "samlyftPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("spring.security.oauth2.resourceserver.jwt.audiences", "samlyft");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.observations.key-values.application", "${spring.application.name}");
        defaults.put("logging.pattern.correlation", "[%X{correlationId:-}] ");
        defaults.put("spring.flyway.locations", "classpath:db/migration,classpath:db/samlyft");
        defaults.put("springdoc.paths-to-match", "${samlyft.api.base-path:/api}/**");
        defaults.put("springdoc.writer-with-order-by-keys", "true");
        defaults.put("spring.flyway.placeholders.approle", "${spring.datasource.username}");
        defaults.put(
                "spring.datasource.hikari.connection-init-sql",
                "set statement_timeout = '${samlyft.jdbc.statement-timeout:30s}'");
        defaults.put(
                "spring.flyway.init-sqls",
                "set statement_timeout = '${samlyft.jdbc.migration-statement-timeout:15min}'");
        String address = environment.getProperty("server.address");
        if (address != null && !address.isBlank()) {
            defaults.put("management.server.address", address);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
        if (!environment.getPropertySources().contains(KafkaCredentials.NAME)) {
            KafkaCredentials.of(environment).ifPresent(environment.getPropertySources()::addLast);
        }
    }
}
