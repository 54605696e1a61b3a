package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:18180/realms/samlyft",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                                + "http://localhost:18180/realms/samlyft/protocol/openid-connect/certs");
    }

    @Test
    void tellsIdentityServiceWhereKeycloaksAdminApiIs() {
        ServiceProcess identity = ServiceProcess.service(settings, "identity-service", "identity", 18081, 19081);

        assertThat(identity.arguments()).contains("--samlyft.identity.keycloak.server-url=http://localhost:18180");
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
                        "--samlyft.management-ports.identity=9081",
                        "--samlyft.management-ports.catalog=19082",
                        "--samlyft.management-ports.reporting=9084");
    }

    @Test
    void asksEachServiceForItsReadinessOnItsManagementPort() {
        assertThat(ServiceProcess.all(settings))
                .extracting(ServiceProcess::managementPort)
                .containsExactly(9081, 19082, 9083, 9084, 9080);
    }

    @Test
    void startsTheFourServicesAndTheGateway() {
        assertThat(ServiceProcess.all(settings))
                .extracting(ServiceProcess::module)
                .isEqualTo(List.of(
                        "identity-service", "catalog-service", "enrolment-service", "reporting-service", "gateway"));
    }
}
