package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private final Settings settings = Settings.from(Map.of(
            Settings.HOME, "/srv/samlyft",
            Settings.VERSION, "0.1.0-SNAPSHOT",
            Settings.KEYCLOAK_HOME, "/srv/keycloak",
            Settings.KAFKA_LIB, "/srv/kafka",
            Ports.POSTGRES, "5433",
            Ports.KEYCLOAK, "18180",
            Ports.CATALOG, "18082")::get);

    @Test
    void runsMigrationsAsTheOwnerAndTheApplicationAsItsOwnRolesOnTheLoopbackAddressOnly() {
        ServiceProcess catalog = ServiceProcess.service(settings, "catalog-service", "catalog", 18082, 19082);

        assertThat(catalog.arguments())
                .containsExactly(
                        "--server.address=127.0.0.1",
                        "--server.port=18082",
                        "--management.server.address=127.0.0.1",
                        "--management.server.port=19082",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/catalog",
                        "--spring.datasource.username=catalog_app",
                        "--spring.datasource.password=catalog_app",
                        "--spring.flyway.url=jdbc:postgresql://127.0.0.1:5433/catalog",
                        "--spring.flyway.user=catalog_owner",
                        "--spring.flyway.password=catalog_owner",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                        "--samlyft.kafka.username=catalog-service",
                        "--samlyft.kafka.password=catalog-service-kafka-secret",
                        "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:18180/realms/samlyft",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                                + "http://localhost:18180/realms/samlyft/protocol/openid-connect/certs");
    }

    @Test
    void tellsIdentityServiceWhereKeycloaksAdminApiAndReportingsApiAre() {
        ServiceProcess identity = ServiceProcess.service(settings, "identity-service", "identity", 18081, 19081);

        assertThat(identity.arguments())
                .contains(
                        "--samlyft.identity.keycloak.server-url=http://localhost:18180",
                        "--samlyft.identity.reporting-url=http://127.0.0.1:"
                                + settings.ports().reporting());
    }

    @Test
    void addsTheArgumentsAPropertyGivesAServiceAfterItsOwn() {
        Settings given = Settings.from(Map.of(
                Settings.HOME,
                "/srv/samlyft",
                Settings.VERSION,
                "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME,
                "/srv/keycloak",
                Settings.KAFKA_LIB,
                "/srv/kafka",
                Settings.ARGUMENTS + "identity-service",
                " --samlyft.identity.provisioning.enabled=false  --server.tomcat.threads.max=50 ")::get);

        List<String> identity = ServiceProcess.service(given, "identity-service", "identity", 18081, 19081)
                .arguments();

        assertThat(identity.subList(identity.size() - 2, identity.size()))
                .containsExactly("--samlyft.identity.provisioning.enabled=false", "--server.tomcat.threads.max=50");
        assertThat(ServiceProcess.service(given, "catalog-service", "catalog", 18082, 19082)
                        .arguments())
                .noneMatch(argument -> argument.startsWith("--samlyft.identity.provisioning"));
    }

    @Test
    void pointsTheGatewayAtTheServicesPortsAndTheirManagementPorts() {
        assertThat(ServiceProcess.gateway(settings).arguments())
                .contains(
                        "--server.address=127.0.0.1",
                        "--server.port=8080",
                        "--management.server.port=9080",
                        "--samlyft.routes.identity=http://127.0.0.1:8081",
                        "--samlyft.routes.catalog=http://127.0.0.1:18082",
                        "--samlyft.routes.enrolment=http://127.0.0.1:8083",
                        "--samlyft.routes.reporting=http://127.0.0.1:8084",
                        "--samlyft.routes.integration=http://127.0.0.1:8086",
                        "--samlyft.management-ports.identity=9081",
                        "--samlyft.management-ports.catalog=19082",
                        "--samlyft.management-ports.reporting=9084");
    }

    @Test
    void asksEachServiceForItsReadinessOnItsManagementPort() {
        assertThat(ServiceProcess.all(settings))
                .extracting(ServiceProcess::managementPort)
                .containsExactly(9081, 19082, 9083, 9084, 9086, 9080, 9085);
    }

    @Test
    void letsIntegrationServiceSendWebhooksToReceiversOnThisMachine() {
        assertThat(ServiceProcess.service(settings, "integration-service", "integration", 8086, 9086)
                        .arguments())
                .contains(
                        "--spring.datasource.username=integration_app",
                        "--samlyft.integration.targets.allow-loopback=true");
        assertThat(ServiceProcess.service(settings, "reporting-service", "reporting", 8084, 9084)
                        .arguments())
                .noneMatch(argument -> argument.startsWith("--samlyft.integration"));
    }

    @Test
    void addsTheJvmOptionsAPropertyGivesOneService() {
        Settings given = Settings.from(Map.of(
                Settings.HOME,
                "/srv/samlyft",
                Settings.VERSION,
                "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME,
                "/srv/keycloak",
                Settings.KAFKA_LIB,
                "/srv/kafka",
                Settings.JVM_OPTIONS + ".integration-service",
                "-Djdk.net.hosts.file=/srv/hosts")::get);

        assertThat(given.jvmArgumentsOf("integration-service")).containsExactly("-Djdk.net.hosts.file=/srv/hosts");
        assertThat(given.jvmArgumentsOf("catalog-service")).isEmpty();
        assertThat(given.serviceJvmOptions()).isEqualTo(ServiceProcess.JVM_OPTIONS);
    }

    @Test
    void givesTheGatewayTheOptimisingCompilerAndTheServicesTheQuickOneUnlessOptionsAreGiven() {
        assertThat(ServiceProcess.gateway(settings).jvmOptions())
                .isEqualTo(ServiceProcess.GATEWAY_JVM_OPTIONS)
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
        assertThat(ServiceProcess.service(settings, "catalog-service", "catalog", 18082, 19082)
                        .jvmOptions())
                .isEqualTo(ServiceProcess.JVM_OPTIONS);

        Settings given = Settings.from(Map.of(
                Settings.HOME, "/srv/samlyft",
                Settings.VERSION, "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME, "/srv/keycloak",
                Settings.KAFKA_LIB, "/srv/kafka",
                Settings.JVM_OPTIONS, "-Xmx768m")::get);
        assertThat(ServiceProcess.gateway(given).jvmOptions()).containsExactly("-Xmx768m");
    }

    @Test
    void startsTheFiveServicesTheGatewayAndTheWebApplication() {
        assertThat(ServiceProcess.all(settings))
                .extracting(ServiceProcess::module)
                .isEqualTo(List.of(
                        "identity-service",
                        "catalog-service",
                        "enrolment-service",
                        "reporting-service",
                        "integration-service",
                        "gateway",
                        "web"));
    }

    @Test
    void pointsTheWebApplicationAtTheGatewayAndTheRealmOnItsOwnPort() {
        assertThat(ServiceProcess.web(settings).arguments())
                .containsExactly(
                        "--server.address=127.0.0.1",
                        "--server.port=8085",
                        "--management.server.address=127.0.0.1",
                        "--management.server.port=9085",
                        "--samlyft.web.gateway-url=http://127.0.0.1:8080",
                        "--samlyft.web.keycloak.issuer-uri=http://localhost:18180/realms/samlyft");
    }

    @Test
    void runsTwoInstancesOfEachServiceBehindTheGatewayWhenAsked() {
        Settings two = Settings.from(Map.of(
                Settings.HOME, "/srv/samlyft",
                Settings.VERSION, "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME, "/srv/keycloak",
                Settings.KAFKA_LIB, "/srv/kafka",
                Ports.CATALOG, "18082",
                Settings.INSTANCES, "2")::get);

        List<ServiceProcess> all = ServiceProcess.all(two);

        assertThat(all)
                .extracting(ServiceProcess::name)
                .containsExactly(
                        "identity-service",
                        "catalog-service",
                        "enrolment-service",
                        "reporting-service",
                        "identity-service-2",
                        "catalog-service-2",
                        "enrolment-service-2",
                        "reporting-service-2",
                        "integration-service",
                        "gateway",
                        "web");
        assertThat(all.get(5).arguments()).contains("--server.port=18282");
        assertThat(all.get(5).log().getFileName()).hasToString("catalog-service-2.log");
        assertThat(all.get(9).arguments())
                .contains(
                        "--samlyft.routes.catalog=http://127.0.0.1:18082",
                        "--spring.cloud.discovery.client.simple.instances.catalog[0].uri=http://127.0.0.1:18082",
                        "--spring.cloud.discovery.client.simple.instances.catalog[1].uri=http://127.0.0.1:18282",
                        "--spring.cloud.discovery.client.simple.instances.catalog[1].metadata.management-port=19282",
                        "--spring.cloud.discovery.client.simple.instances.identity[1].uri=http://127.0.0.1:8281");
        assertThat(ServiceProcess.furtherInstancePorts(two))
                .extracting(Ports.Use::port)
                .containsExactly(8281, 9281, 18282, 19282, 8283, 9283, 8284, 9284);
    }

    @Test
    void refusesANumberOfInstancesItCannotRun() {
        assertThat(catchThrowable(() -> Settings.from(Map.of(
                        Settings.HOME, "/srv/samlyft",
                        Settings.VERSION, "0.1.0-SNAPSHOT",
                        Settings.KEYCLOAK_HOME, "/srv/keycloak",
                        Settings.KAFKA_LIB, "/srv/kafka",
                        Settings.INSTANCES, "0")::get)))
                .hasMessageContaining("-Dsamlyft.instances=0");
    }
}
