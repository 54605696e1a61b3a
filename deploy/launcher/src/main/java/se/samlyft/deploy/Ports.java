package se.samlyft.deploy;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The TCP ports of the local platform, each changeable by a system property such as
 * {@code -Dsamlyft.postgres.port=5433}.
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
        int integration) {

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

    /** One port in use by one component, and the property that changes it. */
    public record Use(int port, String component, String property) {}

    /** Reads the ports from properties, falling back to the documented defaults. */
    static Ports from(UnaryOperator<String> properties) {
        return new Ports(
                port(properties, POSTGRES, 5432),
                port(properties, KAFKA, 9092),
                port(properties, KAFKA_CONTROLLER, 9093),
                port(properties, KEYCLOAK, 8180),
                port(properties, KEYCLOAK_MANAGEMENT, 8181),
                port(properties, GATEWAY, 8080),
                port(properties, IDENTITY, 8081),
                port(properties, CATALOG, 8082),
                port(properties, ENROLMENT, 8083),
                port(properties, REPORTING, 8084),
                port(properties, WEB, 8085),
                port(properties, INTEGRATION, 8086));
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
                new Use(integration, "integration-service", INTEGRATION));
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
