package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            Settings.HOME, "/srv/samlyft",
            Settings.VERSION, "1.2.3",
            Settings.KEYCLOAK_HOME, "/srv/samlyft/deploy/launcher/target/keycloak-26.7.3",
            Settings.KAFKA_LIB, "/srv/samlyft/deploy/kafka-runtime/target/lib"));

    @Test
    void usesTheDocumentedPortsUnlessToldOtherwise() {
        Ports ports = Settings.from(properties::get).ports();

        assertThat(ports)
                .isEqualTo(new Ports(
                        5432, 9092, 9093, 8180, 8181, 8080, 8081, 8082, 8083, 8084, 8085, 8086, 9080, 9081, 9082, 9083,
                        9084, 9085, 9086));
    }

    @Test
    void takesEachPortFromItsOwnProperty() {
        properties.put("samlyft.postgres.port", "5433");
        properties.put("samlyft.kafka.controller-port", "19093");
        properties.put("samlyft.keycloak.management-port", "18181");
        properties.put("samlyft.reporting.port", "18084");

        Ports ports = Settings.from(properties::get).ports();

        assertThat(ports.postgres()).isEqualTo(5433);
        assertThat(ports.kafkaController()).isEqualTo(19093);
        assertThat(ports.keycloakManagement()).isEqualTo(18181);
        assertThat(ports.reporting()).isEqualTo(18084);
        assertThat(ports.kafka()).isEqualTo(9092);
    }

    @Test
    void putsAManagementPortAThousandAboveItsServiceUnlessToldOtherwise() {
        properties.put("samlyft.catalog.port", "18082");
        properties.put("samlyft.reporting.management-port", "32984");

        Ports ports = Settings.from(properties::get).ports();

        assertThat(ports.catalogManagement()).isEqualTo(19082);
        assertThat(ports.reportingManagement()).isEqualTo(32984);
        assertThat(ports.gatewayManagement()).isEqualTo(9080);
    }

    @Test
    void asksForAManagementPortWhenTheDefaultWouldBeNone() {
        properties.put("samlyft.enrolment.port", "65000");

        assertThatThrownBy(() -> Settings.from(properties::get))
                .hasMessageContaining("-Dsamlyft.enrolment.management-port=<port>");
    }

    @Test
    void namesThePropertyOfAPortThatIsNoNumber() {
        properties.put("samlyft.gateway.port", "80a");

        assertThatThrownBy(() -> Settings.from(properties::get))
                .hasMessageContaining("-Dsamlyft.gateway.port=80a")
                .hasMessageContaining("1-65535");
    }

    @Test
    void findsEachServiceJarInItsModulesTargetDirectory() {
        Settings settings = Settings.from(properties::get);

        assertThat(settings.jar("catalog-service"))
                .isEqualTo(Path.of("/srv/samlyft/catalog-service/target/catalog-service-1.2.3-exec.jar"));
        assertThat(settings.log("kafka")).isEqualTo(Path.of("/srv/samlyft/.samlyft/logs/kafka.log"));
    }

    @Test
    void keepsItsStateWhereToldInsteadOfTheRepository() {
        properties.put(Settings.STATE_DIRECTORY, "/tmp/samlyft-system-test");

        Settings settings = Settings.from(properties::get);

        assertThat(settings.log("kafka")).isEqualTo(Path.of("/tmp/samlyft-system-test/logs/kafka.log"));
        assertThat(settings.jar("gateway")).isEqualTo(Path.of("/srv/samlyft/gateway/target/gateway-1.2.3-exec.jar"));
    }

    @Test
    void givesTheServicesTheLaunchersJvmOptionsUnlessToldOthers() {
        assertThat(Settings.from(properties::get).serviceJvmOptions()).isEqualTo(ServiceProcess.JVM_OPTIONS);

        properties.put(Settings.JVM_OPTIONS, " -Xmx1g  -XX:+UseSerialGC ");

        assertThat(Settings.from(properties::get).serviceJvmOptions()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
    }

    @Test
    void entersTheDemoRegionUnlessToldNotTo() {
        assertThat(Settings.from(properties::get).demoData()).isTrue();

        properties.put(Settings.DEMO_DATA, "false");

        assertThat(Settings.from(properties::get).demoData()).isFalse();
    }

    @Test
    void asksToBeStartedThroughMavenWhenItsPathsAreMissing() {
        properties.remove(Settings.KEYCLOAK_HOME);

        assertThatThrownBy(() -> Settings.from(properties::get))
                .hasMessageContaining(Settings.KEYCLOAK_HOME)
                .hasMessageContaining("./mvnw -Pstart");
    }
}
