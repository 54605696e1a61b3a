package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private final Settings settings = Settings.from(Map.of(
            Settings.HOME, "/srv/samlyft",
            Settings.VERSION, "0.1.0-SNAPSHOT",
            Settings.KEYCLOAK_HOME, "/srv/keycloak",
            Settings.KAFKA_LIB, "/srv/kafka",
            Ports.GATEWAY, "18080",
            Ports.KEYCLOAK, "18180",
            Ports.WEB, "18085")::get);

    @Test
    void showsACurlThatFetchesATokenAndCallsTheGatewayOnTheConfiguredPorts() {
        String curl = Summary.curl(settings.ports());

        assertThat(curl)
                .contains("curl -s http://localhost:18180/realms/samlyft/protocol/openid-connect/token")
                .contains("-d grant_type=password -d client_id=samlyft-web")
                .contains("-d username=arvidsjaur-deltagare-1 -d password=samlyft")
                .contains("curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:18080/api/catalog/me");
    }

    @Test
    void beginsWithTheWebApplicationsAddressAndALoginToTry() {
        String text = Summary.text(settings, Duration.ofSeconds(60), Optional.empty(), List.of());

        String firstLine = text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("="))
                .findFirst()
                .orElseThrow();
        assertThat(firstLine)
                .startsWith(" Open http://localhost:18085/ and log in as arvidsjaur-deltagare-1 / samlyft");
        assertThat(text.indexOf("http://localhost:18085/")).isLessThan(text.indexOf("Samlyft is running"));
    }

    @Test
    void tellsWhereEverythingIsAndWhatItCosts() {
        String text = Summary.text(
                settings,
                Duration.ofMillis(61_500),
                Optional.of(Duration.ofSeconds(95)),
                List.of(
                        new Summary.Memory("Kafka", Optional.of(Duration.ofMillis(6_300)), OptionalLong.of(400 * 1024)),
                        new Summary.Memory("Keycloak", OptionalLong.empty()),
                        new Summary.Memory(
                                "web", Optional.of(Duration.ofMillis(21_700)), OptionalLong.of(240 * 1024))));

        assertThat(text)
                .contains("ready 61.5 s after launch, 95.0 s after ./mvnw started")
                .contains("http://localhost:18080/api/")
                .contains("http://localhost:18180/admin/  (administrator admin / admin)")
                .contains("/srv/samlyft/.samlyft/logs/<component>.log")
                .containsPattern("Kafka +6.3 s +400 MB")
                .containsPattern("Keycloak +unknown")
                .containsPattern("web +21.7 s +240 MB")
                .containsPattern("total +640 MB")
                .contains("Ctrl-C stops everything");
    }
}
