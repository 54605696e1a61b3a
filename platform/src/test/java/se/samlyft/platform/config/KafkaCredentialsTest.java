package se.samlyft.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KafkaCredentialsTest {

    @Test
    void authenticatesWithScramWhenTheServiceHasAKafkaUsername() {
        StandardEnvironment environment = environment(Map.of(
                "samlyft.kafka.username", "catalog-service", "samlyft.kafka.password", "hemligt \"lösen\\ord\""));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        Map<String, String> clientProperties = Binder.get(environment)
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                .get();
        assertThat(clientProperties)
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"catalog-service\" password=\"hemligt \\\"lösen\\\\ord\\\"\";");
    }

    @Test
    void takesTheUsernameFromTheEnvironmentVariableAndTlsWhenAsked() {
        StandardEnvironment environment = environment(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SAMLYFT_KAFKA_USERNAME", "reporting-service", "SAMLYFT_KAFKA_SECURITY_PROTOCOL", "sasl_ssl")));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .contains("username=\"reporting-service\"");
    }

    @Test
    void connectsWithoutAuthenticationWithoutAUsername() {
        StandardEnvironment environment = environment(Map.of("samlyft.kafka.username", ""));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isNull();
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .isNull();
    }

    @Test
    void leavesASecurityProtocolTheServiceSetsItself() {
        StandardEnvironment environment = environment(
                Map.of("samlyft.kafka.username", "catalog-service", "spring.kafka.security.protocol", "SSL"));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SSL");
    }

    @Test
    void refusesAProtocolWithoutAuthentication() {
        assertThatThrownBy(() -> environment(Map.of(
                        "samlyft.kafka.username", "catalog-service", "samlyft.kafka.security-protocol", "PLAINTEXT")))
                .hasMessageContaining("samlyft.kafka.security-protocol is SASL_PLAINTEXT or SASL_SSL, not PLAINTEXT");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        return environment(new MapPropertySource("test", properties));
    }

    private static StandardEnvironment environment(PropertySource<?> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(properties);
        ConfigurationPropertySources.attach(environment);
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
