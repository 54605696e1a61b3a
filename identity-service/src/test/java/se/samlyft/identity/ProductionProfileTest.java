package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * identity-service with the production profile and the development secrets of its application.yml does not start,
 * and says which settings to replace; it stops before it touches a database or a broker.
 */
class ProductionProfileTest {

    @Test
    void refusesToStartWithTheDevelopmentSecretsOfItsApplicationYml() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityApplication.class)
                        .profiles("production")
                        .run("--server.port=0", "--management.server.port=0"))
                .hasMessageContaining("samlyft.identity.personal-number-key holds the development personal-number key")
                .hasMessageContaining("samlyft.identity.keycloak.client-secret holds a demo client secret")
                .hasMessageContaining("spring.datasource.password equals its user name")
                .hasMessageContaining("spring.flyway.password equals its user name")
                .hasMessageContaining("samlyft.kafka.password holds the local Kafka password of identity-service")
                .message()
                .doesNotContain("identity_app", "identity-service-secret");
    }
}
