package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of the seven Spring Boot applications (five services, the gateway and the web application), run as
 * {@code java -jar} from its module's target directory with the
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

    /**
     * The gateway's instead of {@link #JVM_OPTIONS} unless {@code -Dsamlyft.jvm-options} is given: the same, with the
     * optimising compiler. Every request of the platform passes through the gateway, and the quick compiler's code
     * costs it about twice the processor time per call (bench/RESULTS.md, the gateway's own processor time).
     */
    static final List<String> GATEWAY_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    /** Every process of the local platform listens here only. */
    static final String LOOPBACK = "127.0.0.1";

    private final String module;
    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final Path home;
    private final List<String> arguments;
    private final List<String> jvmOptions;

    private ServiceProcess(
            Settings settings, String module, String name, int port, int managementPort, List<String> arguments) {
        super(settings.log(name), Duration.ofSeconds(20));
        this.module = module;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = settings.jar(module);
        this.home = settings.home();
        this.arguments = List.copyOf(arguments);
        this.jvmOptions = new ArrayList<>(
                "gateway".equals(module) && settings.serviceJvmOptions().equals(JVM_OPTIONS)
                        ? GATEWAY_JVM_OPTIONS
                        : settings.serviceJvmOptions());
        this.jvmOptions.addAll(settings.jvmArgumentsOf(module));
    }

    /**
     * The domain services, the four of the API each as many times as {@code -Dsamlyft.instances} says, integration-service
     * once, then the gateway and the web application, in the order they are started. The first instance of a service is
     * named after its module, the others {@code <module>-2}, {@code -3}, ... integration-service may send webhooks to
     * receivers on this machine, as the local platform's integrators run them, over plain http too.
     */
    static List<ServiceProcess> all(Settings settings) {
        Ports ports = settings.ports();
        List<Replicated> replicated = List.of(
                new Replicated("identity-service", "identity", ports.identity(), ports.identityManagement()),
                new Replicated("catalog-service", "catalog", ports.catalog(), ports.catalogManagement()),
                new Replicated("enrolment-service", "enrolment", ports.enrolment(), ports.enrolmentManagement()),
                new Replicated("reporting-service", "reporting", ports.reporting(), ports.reportingManagement()));
        List<ServiceProcess> all = new ArrayList<>();
        for (int instance = 1; instance <= settings.instances(); instance++) {
            int offset = (instance - 1) * Settings.INSTANCE_PORT_STEP;
            String suffix = instance == 1 ? "" : "-" + instance;
            for (Replicated service : replicated) {
                all.add(service(
                        settings,
                        service.module(),
                        service.database(),
                        service.port() + offset,
                        service.managementPort() + offset,
                        suffix));
            }
        }
        all.add(service(
                settings,
                "integration-service",
                "integration",
                ports.integration(),
                ports.integrationManagement(),
                ""));
        all.add(gateway(settings));
        all.add(web(settings));
        return List.copyOf(all);
    }

    /** A domain service that runs in as many instances as the settings ask, with the ports of its first. */
    private record Replicated(String module, String database, int port, int managementPort) {}

    /**
     * The ports of every instance of the services after the first, API and management, each with the component that
     * listens there.
     */
    static List<Ports.Use> furtherInstancePorts(Settings settings) {
        List<Ports.Use> uses = new ArrayList<>();
        for (ServiceProcess service : all(settings)) {
            if (!service.name.equals(service.module)) {
                uses.add(new Ports.Use(service.port, service.name, Settings.INSTANCES));
                uses.add(new Ports.Use(service.managementPort, service.name + " (management)", Settings.INSTANCES));
            }
        }
        return uses;
    }

    static ServiceProcess service(Settings settings, String module, String database, int port, int managementPort) {
        return service(settings, module, database, port, managementPort, "");
    }

    /**
     * A domain service: its API on {@code port} and its health and metrics on {@code managementPort}, both on the
     * loopback address only; its database as the application's role (migrations as the owner); Kafka as its own
     * principal, named after the module.
     */
    private static ServiceProcess service(
            Settings settings, String module, String database, int port, int managementPort, String suffix) {
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
                "--samlyft.kafka.password=" + KafkaPrincipals.password(module),
                // An instance that dies gives its partitions to the others within ten seconds, not Kafka's 45.
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        arguments.addAll(jwtArguments(ports));
        if (module.equals("identity-service")) {
            arguments.add("--samlyft.identity.keycloak.server-url=" + Keycloak.publicUrl(ports));
            arguments.add("--samlyft.identity.reporting-url=http://127.0.0.1:" + ports.reporting());
        }
        if (module.equals("integration-service")) {
            arguments.add("--samlyft.integration.targets.allow-loopback=true");
        }
        arguments.addAll(settings.argumentsOf(module));
        return new ServiceProcess(settings, module, module + suffix, port, managementPort, arguments);
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
                "--samlyft.routes.integration=http://127.0.0.1:" + ports.integration(),
                "--samlyft.management-ports.identity=" + ports.identityManagement(),
                "--samlyft.management-ports.catalog=" + ports.catalogManagement(),
                "--samlyft.management-ports.enrolment=" + ports.enrolmentManagement(),
                "--samlyft.management-ports.reporting=" + ports.reportingManagement(),
                "--samlyft.management-ports.integration=" + ports.integrationManagement()));
        if (settings.instances() > 1) {
            // The whole list of each service's instances: Spring binds a list from one property source only, so the
            // first one (application.yml's) is named again here.
            Map<String, List<Integer>> first = new TreeMap<>(Map.of(
                    "identity", List.of(ports.identity(), ports.identityManagement()),
                    "catalog", List.of(ports.catalog(), ports.catalogManagement()),
                    "enrolment", List.of(ports.enrolment(), ports.enrolmentManagement()),
                    "reporting", List.of(ports.reporting(), ports.reportingManagement())));
            first.forEach((service, apiAndManagement) -> {
                for (int instance = 0; instance < settings.instances(); instance++) {
                    int offset = instance * Settings.INSTANCE_PORT_STEP;
                    String prefix =
                            "--spring.cloud.discovery.client.simple.instances." + service + "[" + instance + "].";
                    arguments.add(prefix + "uri=http://127.0.0.1:" + (apiAndManagement.get(0) + offset));
                    arguments.add(prefix + "metadata.management-port=" + (apiAndManagement.get(1) + offset));
                }
            });
        }
        arguments.addAll(jwtArguments(ports));
        arguments.addAll(settings.argumentsOf("gateway"));
        return new ServiceProcess(
                settings, "gateway", "gateway", ports.gateway(), ports.gatewayManagement(), arguments);
    }

    /**
     * The web application: it calls the APIs through the gateway and logs people in at Keycloak, whose address the
     * browser uses too ({@code localhost}, as the tokens name it).
     */
    static ServiceProcess web(Settings settings) {
        Ports ports = settings.ports();
        List<String> arguments = new ArrayList<>(addresses(ports.web(), ports.webManagement()));
        arguments.addAll(List.of(
                "--samlyft.web.gateway-url=http://127.0.0.1:" + ports.gateway(),
                "--samlyft.web.keycloak.issuer-uri=" + Keycloak.issuer(ports)));
        arguments.addAll(settings.argumentsOf("web"));
        return new ServiceProcess(settings, "web", "web", ports.web(), ports.webManagement(), arguments);
    }

    /** Where a person opens the web application. */
    static String webAddress(Ports ports) {
        return "http://localhost:" + ports.web() + "/";
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

    /** Whether this is the first (or only) instance of its service, named after its module. */
    boolean isFirstInstance() {
        return name.equals(module);
    }

    Path jar() {
        return jar;
    }

    List<String> arguments() {
        return arguments;
    }

    /** The JVM options the process starts with. */
    List<String> jvmOptions() {
        return List.copyOf(jvmOptions);
    }

    @Override
    public String name() {
        return name;
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
