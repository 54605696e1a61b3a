package se.samlyft.deploy;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The TCP ports of the local platform, each changeable by a system property such as
 * {@code -Dsamlyft.postgres.port=5433}. Each service and the gateway also has a management port for its health and
 * metrics ({@code -Dsamlyft.<component>.management-port}), by default its own port plus 1000.
 */
public record Ports(
        int postgres,
        int kafka,
        int kafkaController,
        int keycloak,
        int keycloakManagement,
        int gateway,
        int identity,
        int catalog,
        int enrolment,
        int reporting,
        int web,
        int integration,
        int gatewayManagement,
        int identityManagement,
        int catalogManagement,
        int enrolmentManagement,
        int reportingManagement,
        int webManagement,
        int integrationManagement) {

    static final String POSTGRES = "samlyft.postgres.port";
    static final String KAFKA = "samlyft.kafka.port";
    static final String KAFKA_CONTROLLER = "samlyft.kafka.controller-port";
    static final String KEYCLOAK = "samlyft.keycloak.port";
    static final String KEYCLOAK_MANAGEMENT = "samlyft.keycloak.management-port";
    static final String GATEWAY = "samlyft.gateway.port";
    static final String IDENTITY = "samlyft.identity.port";
    static final String CATALOG = "samlyft.catalog.port";
    static final String ENROLMENT = "samlyft.enrolment.port";
    static final String REPORTING = "samlyft.reporting.port";
    static final String WEB = "samlyft.web.port";
    static final String INTEGRATION = "samlyft.integration.port";
    static final String GATEWAY_MANAGEMENT = "samlyft.gateway.management-port";
    static final String IDENTITY_MANAGEMENT = "samlyft.identity.management-port";
    static final String CATALOG_MANAGEMENT = "samlyft.catalog.management-port";
    static final String ENROLMENT_MANAGEMENT = "samlyft.enrolment.management-port";
    static final String REPORTING_MANAGEMENT = "samlyft.reporting.management-port";
    static final String WEB_MANAGEMENT = "samlyft.web.management-port";
    static final String INTEGRATION_MANAGEMENT = "samlyft.integration.management-port";

    /** How far above its own port a component's management port is unless set. */
    static final int MANAGEMENT_OFFSET = 1000;

    /** One port in use by one component, and the property that changes it. */
    public record Use(int port, String component, String property) {}

    /** Reads the ports from properties, falling back to the documented defaults. */
    static Ports from(UnaryOperator<String> properties) {
        int gateway = port(properties, GATEWAY, 8080);
        int identity = port(properties, IDENTITY, 8081);
        int catalog = port(properties, CATALOG, 8082);
        int enrolment = port(properties, ENROLMENT, 8083);
        int reporting = port(properties, REPORTING, 8084);
        int web = port(properties, WEB, 8085);
        int integration = port(properties, INTEGRATION, 8086);
        return new Ports(
                port(properties, POSTGRES, 5432),
                port(properties, KAFKA, 9092),
                port(properties, KAFKA_CONTROLLER, 9093),
                port(properties, KEYCLOAK, 8180),
                port(properties, KEYCLOAK_MANAGEMENT, 8181),
                gateway,
                identity,
                catalog,
                enrolment,
                reporting,
                web,
                integration,
                managementPort(properties, GATEWAY_MANAGEMENT, gateway),
                managementPort(properties, IDENTITY_MANAGEMENT, identity),
                managementPort(properties, CATALOG_MANAGEMENT, catalog),
                managementPort(properties, ENROLMENT_MANAGEMENT, enrolment),
                managementPort(properties, REPORTING_MANAGEMENT, reporting),
                managementPort(properties, WEB_MANAGEMENT, web),
                managementPort(properties, INTEGRATION_MANAGEMENT, integration));
    }

    /** Every port with the component that listens on it. */
    List<Use> uses() {
        return List.of(
                new Use(postgres, "PostgreSQL", POSTGRES),
                new Use(kafka, "Kafka", KAFKA),
                new Use(kafkaController, "Kafka (controller listener)", KAFKA_CONTROLLER),
                new Use(keycloak, "Keycloak", KEYCLOAK),
                new Use(keycloakManagement, "Keycloak (management and health)", KEYCLOAK_MANAGEMENT),
                new Use(gateway, "gateway", GATEWAY),
                new Use(identity, "identity-service", IDENTITY),
                new Use(catalog, "catalog-service", CATALOG),
                new Use(enrolment, "enrolment-service", ENROLMENT),
                new Use(reporting, "reporting-service", REPORTING),
                new Use(web, "web", WEB),
                new Use(integration, "integration-service", INTEGRATION),
                new Use(gatewayManagement, "gateway (management)", GATEWAY_MANAGEMENT),
                new Use(identityManagement, "identity-service (management)", IDENTITY_MANAGEMENT),
                new Use(catalogManagement, "catalog-service (management)", CATALOG_MANAGEMENT),
                new Use(enrolmentManagement, "enrolment-service (management)", ENROLMENT_MANAGEMENT),
                new Use(reportingManagement, "reporting-service (management)", REPORTING_MANAGEMENT),
                new Use(webManagement, "web (management)", WEB_MANAGEMENT),
                new Use(integrationManagement, "integration-service (management)", INTEGRATION_MANAGEMENT));
    }

    private static int managementPort(UnaryOperator<String> properties, String property, int servicePort) {
        int byDefault = servicePort + MANAGEMENT_OFFSET;
        if (byDefault > 65535
                && (properties.apply(property) == null
                        || properties.apply(property).isBlank())) {
            throw new IllegalArgumentException("The default management port " + byDefault + " is no port: set -D"
                    + property + "=<port> (1-65535).");
        }
        return port(properties, property, byDefault);
    }

    private static int port(UnaryOperator<String> properties, String property, int defaultPort) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " is not a port number (1-65535).", e);
        }
    }
}
