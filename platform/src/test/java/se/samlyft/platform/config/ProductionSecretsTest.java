package se.samlyft.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProductionSecretsTest {

    private final ProductionSecrets check = new ProductionSecrets();

    @Test
    void refusesToStartWithDevelopmentSecretsAndNamesEverySetting() {
        StandardEnvironment environment = production(Map.of(
                "samlyft.identity.personal-number-key", "c2FtbHlmdC1kZXZlbG9wbWVudC1vbmx5LWtleS0wMDE=",
                "samlyft.reporting.pseudonym-key", "samlyft-local-pseudonym-key",
                "spring.datasource.username", "catalog_app",
                "spring.datasource.password", "catalog_app",
                "spring.flyway.user", "catalog_owner",
                "spring.flyway.password", "catalog_owner",
                "samlyft.identity.keycloak.client-secret", "identity-service-secret",
                "samlyft.kafka.username", "catalog-service",
                "samlyft.kafka.password", "catalog-service-kafka-secret",
                "samlyft.keycloak.admin-password", "admin"));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "rotation",
                        Map.of(
                                "samlyft.identity.personal-number-previous-keys.1",
                                "c2FtbHlmdC1kZXZlbG9wbWVudC1vbmx5LWtleS0wMDE=")));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(ProductionSecrets.DevelopmentSecretRefused.class)
                .hasMessageContaining("samlyft.identity.personal-number-key holds the development personal-number key")
                .hasMessageContaining("samlyft.reporting.pseudonym-key holds the development pseudonym key")
                .hasMessageContaining("spring.datasource.password equals its user name")
                .hasMessageContaining("spring.flyway.password equals its user name")
                .hasMessageContaining("samlyft.identity.keycloak.client-secret holds a demo client secret")
                .hasMessageContaining("samlyft.kafka.password holds the local Kafka password of catalog-service")
                .hasMessageContaining("samlyft.keycloak.admin-password holds the password admin")
                .hasMessageContaining("samlyft.identity.personal-number-previous-keys.1 holds the development")
                .message()
                .as("names the settings, never their values")
                .doesNotContain("catalog_app", "catalog_owner", "identity-service-secret", "c2FtbHlm");
    }

    @Test
    void judgesTheValueTheApplicationGetsWhenTheEnvironmentOverridesTheDefault() {
        StandardEnvironment environment = production(Map.of(
                "samlyft.reporting.pseudonym-key", "samlyft-local-pseudonym-key",
                "spring.datasource.username", "reporting_app",
                "spring.datasource.password", "reporting_app"));
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "SAMLYFT_REPORTING_PSEUDONYM_KEY", "Ett hemligt värde från installationens valv",
                                "SPRING_DATASOURCE_PASSWORD", "reporting_app")));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD equals its user name")
                .message()
                .doesNotContain("pseudonym");
    }

    @Test
    void startsWithTheInstallationsOwnSecrets() {
        StandardEnvironment environment = production(Map.of(
                "samlyft.identity.personal-number-key", "bm90LXRoZS1kZXZlbG9wbWVudC1rZXktMTIzNDU2Nzg=",
                "samlyft.identity.keycloak.realm", "samlyft",
                "spring.datasource.username", "catalog_app",
                "spring.datasource.password", "Rödbetor-och-lingon-42",
                "samlyft.kafka.password", "Gråsparv-7-i-snön"));

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void letsDevelopmentSecretsBeOutsideTheProductionProfile() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("samlyft.kafka.password", "admin-kafka-secret")));

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(ProductionSecrets.refusals(environment)).hasSize(1);
    }

    private static StandardEnvironment production(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", settings));
        environment.setActiveProfiles(ProductionSecrets.PROFILE);
        return environment;
    }
}
