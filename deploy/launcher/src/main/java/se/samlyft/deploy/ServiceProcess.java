package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the five Spring Boot applications, run as {@code java -jar} from its module's target directory with the
 * addresses of the local PostgreSQL, Kafka and Keycloak passed as arguments.
 */
final class ServiceProcess extends ProcessComponent {

    /**
     * A modest heap, and the quick just-in-time compiler and the serial collector: five services and Keycloak
     * starting at once on two cores start sooner without the optimising compiler's and the parallel collector's
     * threads, and a local platform does not need their throughput. {@code -Dsamlyft.jvm-options} replaces them (the
     * bench runs the services with the optimising compiler, as production would).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Every process of the local platform listens here only. */
    static final String LOOPBACK = "127.0.0.1";

    private final String module;
    private final int managementPort;
    private final Path jar;
    private final Path home;
    private final List<String> arguments;
    private final List<String> jvmOptions;

    private ServiceProcess(Settings settings, String module, int managementPort, List<String> arguments) {
        super(settings.log(module), Duration.ofSeconds(20));
        this.module = module;
        this.managementPort = managementPort;
        this.jar = settings.jar(module);
        this.home = settings.home();
        this.arguments = List.copyOf(arguments);
        this.jvmOptions = settings.serviceJvmOptions();
    }

    /** The four domain services and the gateway, in the order they are started. */
    static List<ServiceProcess> all(Settings settings) {
        Ports ports = settings.ports();
        return List.of(
                service(settings, "identity-service", "identity", ports.identity(), ports.identityManagement()),
                service(settings, "catalog-service", "catalog", ports.catalog(), ports.catalogManagement()),
                service(settings, "enrolment-service", "enrolment", ports.enrolment(), ports.enrolmentManagement()),
                service(settings, "reporting-service", "reporting", ports.reporting(), ports.reportingManagement()),
                gateway(settings));
    }

    /**
     * A domain service: its API on {@code port} and its health and metrics on {@code managementPort}, both on the
     * loopback address only; its database as the application's role (migrations as the owner); Kafka as its own
     * principal, named after the module.
     */
    static ServiceProcess service(Settings settings, String module, String database, int port, int managementPort) {
        Ports ports = settings.ports();
        String url = Postgres.jdbcUrl(ports.postgres(), database);
        List<String> arguments = new ArrayList<>(addresses(port, managementPort));
        arguments.addAll(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Databases.app(database),
                "--spring.datasource.password=" + Databases.app(database),
                "--spring.flyway.url=" + url,
                "--spring.flyway.user=" + Databases.owner(database),
                "--spring.flyway.password=" + Databases.owner(database),
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                "--samlyft.kafka.username=" + module,
                "--samlyft.kafka.password=" + KafkaPrincipals.password(module)));
        arguments.addAll(jwtArguments(ports));
        if (module.equals("identity-service")) {
            arguments.add("--samlyft.identity.keycloak.server-url=" + Keycloak.publicUrl(ports));
        }
        arguments.addAll(settings.argumentsOf(module));
        return new ServiceProcess(settings, module, managementPort, arguments);
    }

    /**
     * The gateway: the services' API ports to route to, and their management ports, where it checks that an instance
     * is ready.
     */
    static ServiceProcess gateway(Settings settings) {
        Ports ports = settings.ports();
        List<String> arguments = new ArrayList<>(addresses(ports.gateway(), ports.gatewayManagement()));
        arguments.addAll(List.of(
                "--samlyft.routes.identity=http://127.0.0.1:" + ports.identity(),
                "--samlyft.routes.catalog=http://127.0.0.1:" + ports.catalog(),
                "--samlyft.routes.enrolment=http://127.0.0.1:" + ports.enrolment(),
                "--samlyft.routes.reporting=http://127.0.0.1:" + ports.reporting(),
                "--samlyft.management-ports.identity=" + ports.identityManagement(),
                "--samlyft.management-ports.catalog=" + ports.catalogManagement(),
                "--samlyft.management-ports.enrolment=" + ports.enrolmentManagement(),
                "--samlyft.management-ports.reporting=" + ports.reportingManagement()));
        arguments.addAll(jwtArguments(ports));
        arguments.addAll(settings.argumentsOf("gateway"));
        return new ServiceProcess(settings, "gateway", ports.gatewayManagement(), arguments);
    }

    private static List<String> addresses(int port, int managementPort) {
        return List.of(
                "--server.address=" + LOOPBACK,
                "--server.port=" + port,
                "--management.server.address=" + LOOPBACK,
                "--management.server.port=" + managementPort);
    }

    private static List<String> jwtArguments(Ports ports) {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Keycloak.issuer(ports),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + Keycloak.jwkSetUri(ports));
    }

    String module() {
        return module;
    }

    Path jar() {
        return jar;
    }

    List<String> arguments() {
        return arguments;
    }

    @Override
    public String name() {
        return module;
    }

    @Override
    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Settings.java().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        running(ManagedProcess.start(command, home, log(), environment -> {}));
    }

    int managementPort() {
        return managementPort;
    }

    /** Ready when its readiness, on the management port, says so. */
    @Override
    public boolean isReady() {
        return Http.isOk(URI.create("http://" + LOOPBACK + ":" + managementPort + "/actuator/health/readiness"));
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofMinutes(5);
    }
}
