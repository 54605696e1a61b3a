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

    private final String module;
    private final String name;
    private final int port;
    private final Path jar;
    private final Path home;
    private final List<String> arguments;
    private final List<String> jvmOptions;

    private ServiceProcess(Settings settings, String module, String name, int port, List<String> arguments) {
        super(settings.log(name), Duration.ofSeconds(20));
        this.module = module;
        this.name = name;
        this.port = port;
        this.jar = settings.jar(module);
        this.home = settings.home();
        this.arguments = List.copyOf(arguments);
        this.jvmOptions = new ArrayList<>(settings.serviceJvmOptions());
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
        List<ServiceProcess> all = new ArrayList<>();
        for (int instance = 1; instance <= settings.instances(); instance++) {
            int offset = (instance - 1) * Settings.INSTANCE_PORT_STEP;
            String suffix = instance == 1 ? "" : "-" + instance;
            all.add(service(settings, "identity-service", "identity", ports.identity() + offset, suffix));
            all.add(service(settings, "catalog-service", "catalog", ports.catalog() + offset, suffix));
            all.add(service(settings, "enrolment-service", "enrolment", ports.enrolment() + offset, suffix));
            all.add(service(settings, "reporting-service", "reporting", ports.reporting() + offset, suffix));
        }
        all.add(service(settings, "integration-service", "integration", ports.integration(), ""));
        all.add(gateway(settings));
        all.add(web(settings));
        return List.copyOf(all);
    }

    /** The ports of every instance of the services after the first, each with the component that listens there. */
    static List<Ports.Use> furtherInstancePorts(Settings settings) {
        List<Ports.Use> uses = new ArrayList<>();
        for (ServiceProcess service : all(settings)) {
            if (!service.name.equals(service.module)) {
                uses.add(new Ports.Use(service.port, service.name, Settings.INSTANCES));
            }
        }
        return uses;
    }

    static ServiceProcess service(Settings settings, String module, String database, int port) {
        return service(settings, module, database, port, "");
    }

    private static ServiceProcess service(Settings settings, String module, String database, int port, String suffix) {
        Ports ports = settings.ports();
        String url = Postgres.jdbcUrl(ports.postgres(), database);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Databases.app(database),
                "--spring.datasource.password=" + Databases.app(database),
                "--spring.flyway.url=" + url,
                "--spring.flyway.user=" + Databases.owner(database),
                "--spring.flyway.password=" + Databases.owner(database),
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                // An instance that dies gives its partitions to the others within ten seconds, not Kafka's 45.
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        arguments.addAll(jwtArguments(ports));
        if (module.equals("identity-service")) {
            arguments.add("--samlyft.identity.keycloak.server-url=" + Keycloak.publicUrl(ports));
        }
        if (module.equals("integration-service")) {
            arguments.add("--samlyft.integration.targets.allow-loopback=true");
        }
        arguments.addAll(settings.argumentsOf(module));
        return new ServiceProcess(settings, module, module + suffix, port, arguments);
    }

    static ServiceProcess gateway(Settings settings) {
        Ports ports = settings.ports();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + ports.gateway(),
                "--samlyft.routes.identity=http://127.0.0.1:" + ports.identity(),
                "--samlyft.routes.catalog=http://127.0.0.1:" + ports.catalog(),
                "--samlyft.routes.enrolment=http://127.0.0.1:" + ports.enrolment(),
                "--samlyft.routes.reporting=http://127.0.0.1:" + ports.reporting(),
                "--samlyft.routes.integration=http://127.0.0.1:" + ports.integration()));
        if (settings.instances() > 1) {
            // The whole list of each service's instances: Spring binds a list from one property source only, so the
            // first one (application.yml's) is named again here.
            Map<String, Integer> first = new TreeMap<>(Map.of(
                    "identity", ports.identity(),
                    "catalog", ports.catalog(),
                    "enrolment", ports.enrolment(),
                    "reporting", ports.reporting()));
            first.forEach((service, port) -> {
                for (int instance = 0; instance < settings.instances(); instance++) {
                    arguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + instance
                            + "].uri=http://127.0.0.1:" + (port + instance * Settings.INSTANCE_PORT_STEP));
                }
            });
        }
        arguments.addAll(jwtArguments(ports));
        arguments.addAll(settings.argumentsOf("gateway"));
        return new ServiceProcess(settings, "gateway", "gateway", ports.gateway(), arguments);
    }

    /**
     * The web application: it calls the APIs through the gateway and logs people in at Keycloak, whose address the
     * browser uses too ({@code localhost}, as the tokens name it).
     */
    static ServiceProcess web(Settings settings) {
        Ports ports = settings.ports();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + ports.web(),
                "--samlyft.web.gateway-url=http://127.0.0.1:" + ports.gateway(),
                "--samlyft.web.keycloak.issuer-uri=" + Keycloak.issuer(ports)));
        arguments.addAll(settings.argumentsOf("web"));
        return new ServiceProcess(settings, "web", "web", ports.web(), arguments);
    }

    /** Where a person opens the web application. */
    static String webAddress(Ports ports) {
        return "http://localhost:" + ports.web() + "/";
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

    @Override
    public boolean isReady() {
        return Http.isOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofMinutes(5);
    }
}
