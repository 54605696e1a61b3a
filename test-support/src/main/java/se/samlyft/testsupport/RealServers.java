package se.samlyft.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a Spring test context at the real servers of the test JVM. Every context that Spring builds gets a new
 * database; contexts that Spring caches share theirs. The in-process Kafka broker takes clients without
 * authentication, so the service's own Kafka principal is not used here (the system test runs the launcher's broker,
 * with SASL and ACLs).
 */
final class RealServers implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        TestDatabase database = TestPostgres.get().createDatabase(service);
        TestTokens tokens = TestTokens.get();
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.appUser(),
                "spring.datasource.password", database.appPassword(),
                "spring.flyway.url", database.jdbcUrl(),
                "spring.flyway.user", database.ownerUser(),
                "spring.flyway.password", database.ownerPassword(),
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "spring.kafka.security.protocol", "PLAINTEXT",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("samlyftRealServers", properties));
        context.getBeanFactory().registerSingleton("testDatabase", database);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RealServers;
    }

    @Override
    public int hashCode() {
        return RealServers.class.hashCode();
    }

    /** Registered by {@link ServiceIntegrationTest}. */
    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new RealServers();
        }
    }
}
