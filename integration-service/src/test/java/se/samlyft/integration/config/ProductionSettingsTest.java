package se.samlyft.integration.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The production profile refuses the local platform's secret key and webhooks to this machine. */
class ProductionSettingsTest {

    @Test
    void refusesTheLocalSecretKeyAndLoopbackTargetsInProduction() {
        assertThatThrownBy(() -> IntegrationConfiguration.requireProductionSettings(
                        settings(IntegrationConfiguration.LOCAL_SECRET_KEY, false)))
                .hasMessageContaining("SAMLYFT_INTEGRATION_SECRET_KEY");
        assertThatThrownBy(() ->
                        IntegrationConfiguration.requireProductionSettings(settings("nyckel-ur-valvet-i-drift", true)))
                .hasMessageContaining("allow-loopback");
        assertThatCode(() ->
                        IntegrationConfiguration.requireProductionSettings(settings("nyckel-ur-valvet-i-drift", false)))
                .doesNotThrowAnyException();
    }

    private static IntegrationProperties settings(String key, boolean loopback) {
        return new IntegrationProperties(
                key,
                new IntegrationProperties.Targets(loopback, List.of()),
                new IntegrationProperties.Delivery(
                        true,
                        new IntegrationProperties.Retry(
                                java.time.Duration.ofSeconds(5),
                                java.time.Duration.ofHours(1),
                                java.time.Duration.ofHours(24)),
                        64,
                        100,
                        java.time.Duration.ofMillis(500),
                        java.time.Duration.ofMinutes(2),
                        java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(15),
                        java.time.Duration.ofHours(24)),
                new IntegrationProperties.Feed(java.time.Duration.ofDays(30), java.time.Duration.ofHours(1)));
    }
}
