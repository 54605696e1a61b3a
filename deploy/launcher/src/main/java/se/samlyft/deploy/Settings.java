package se.samlyft.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the launcher finds what it starts and keeps what they write: the repository, the version of the service
 * jars, the unpacked Keycloak, the Kafka broker's jars, the ports, and the state directory for the platform's data
 * and logs ({@code .samlyft/} in the repository unless {@code -Dsamlyft.state-dir} names another; deleting it resets
 * the platform), and arguments to add to a service's own ({@code -Dsamlyft.arguments.<module>=...}, separated by
 * spaces), the services' JVM options ({@code -Dsamlyft.jvm-options=...}, and one service's own with
 * {@code -Dsamlyft.jvm-options.<module>=...}); {@code -Dsamlyft.demo-data=false} leaves the demo region out;
 * {@code -Dsamlyft.instances=2} runs two instances of each of the domain services behind the gateway (the second on
 * its port plus {@link #INSTANCE_PORT_STEP}).
 */
public record Settings(
        Path home,
        String version,
        Path keycloakHome,
        Path kafkaLib,
        Ports ports,
        Path stateDirectory,
        Map<String, List<String>> serviceArguments,
        List<String> serviceJvmOptions,
        boolean demoData,
        int instances,
        Map<String, List<String>> serviceJvmArguments) {

    static final String HOME = "samlyft.home";
    static final String VERSION = "samlyft.version";
    static final String KEYCLOAK_HOME = "samlyft.keycloak.home";
    static final String KAFKA_LIB = "samlyft.kafka.lib";
    static final String STATE_DIRECTORY = "samlyft.state-dir";
    /** The prefix of a property that adds arguments to a service, e.g. {@code samlyft.arguments.identity-service}. */
    static final String ARGUMENTS = "samlyft.arguments.";
    /**
     * The JVM options of the services instead of {@link ServiceProcess#JVM_OPTIONS}, separated by spaces; with the
     * module's name after a dot ({@code samlyft.jvm-options.integration-service}), options added to one service's.
     */
    static final String JVM_OPTIONS = "samlyft.jvm-options";
    /** {@code -Dsamlyft.demo-data=false} starts the platform without entering the demo region. */
    static final String DEMO_DATA = "samlyft.demo-data";
    /** {@code -Dsamlyft.instances=2} starts two instances of each service behind the gateway. */
    static final String INSTANCES = "samlyft.instances";
    /** How far apart the ports of one service's instances are: the second listens on its port + 200. */
    static final int INSTANCE_PORT_STEP = 200;

    private static final int MOST_INSTANCES = 4;

    static final List<String> SERVICE_MODULES = List.of(
            "identity-service",
            "catalog-service",
            "enrolment-service",
            "reporting-service",
            "integration-service",
            "gateway",
            "web");

    public Settings {
        serviceArguments = Map.copyOf(serviceArguments);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (instances < 1 || instances > MOST_INSTANCES) {
            throw new IllegalArgumentException(
                    "-D" + INSTANCES + "=" + instances + ": a service runs as 1 to " + MOST_INSTANCES + " instances.");
        }
        serviceJvmArguments = Map.copyOf(serviceJvmArguments);
    }

    /** Reads the settings from system properties, as {@code ./mvnw -Pstart} passes them. */
    static Settings fromSystemProperties() {
        return from(System::getProperty);
    }

    static Settings from(UnaryOperator<String> properties) {
        String given = properties.apply(HOME);
        Path home = Path.of(given == null || given.isBlank() ? System.getProperty("user.dir") : given)
                .toAbsolutePath()
                .normalize();
        String state = properties.apply(STATE_DIRECTORY);
        return new Settings(
                home,
                required(properties, VERSION),
                Path.of(required(properties, KEYCLOAK_HOME)).normalize(),
                Path.of(required(properties, KAFKA_LIB)).normalize(),
                Ports.from(properties),
                state == null || state.isBlank()
                        ? home.resolve(".samlyft")
                        : Path.of(state).toAbsolutePath().normalize(),
                serviceArguments(properties),
                jvmOptions(properties),
                !"false".equalsIgnoreCase(properties.apply(DEMO_DATA)),
                instances(properties),
                perModule(properties, JVM_OPTIONS + "."));
    }

    private static int instances(UnaryOperator<String> properties) {
        String given = properties.apply(INSTANCES);
        if (given == null || given.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + INSTANCES + "=" + given + " is not a number of instances.", e);
        }
    }

    /** The arguments a service gets besides the launcher's own: none unless a property names some. */
    List<String> argumentsOf(String module) {
        return serviceArguments.getOrDefault(module, List.of());
    }

    private static List<String> jvmOptions(UnaryOperator<String> properties) {
        String given = properties.apply(JVM_OPTIONS);
        return given == null || given.isBlank()
                ? ServiceProcess.JVM_OPTIONS
                : List.of(given.trim().split("\\s+"));
    }

    /** The JVM options one service gets besides every service's: none unless a property names some. */
    List<String> jvmArgumentsOf(String module) {
        return serviceJvmArguments.getOrDefault(module, List.of());
    }

    private static Map<String, List<String>> serviceArguments(UnaryOperator<String> properties) {
        return perModule(properties, ARGUMENTS);
    }

    private static Map<String, List<String>> perModule(UnaryOperator<String> properties, String prefix) {
        Map<String, List<String>> arguments = new HashMap<>();
        for (String module : SERVICE_MODULES) {
            String given = properties.apply(prefix + module);
            if (given != null && !given.isBlank()) {
                arguments.put(module, List.of(given.trim().split("\\s+")));
            }
        }
        return arguments;
    }

    Path logDirectory() {
        return stateDirectory().resolve("logs");
    }

    Path log(String component) {
        return logDirectory().resolve(component + ".log");
    }

    /**
     * The executable Spring Boot jar that a module's build leaves in its target directory (classifier {@code exec};
     * the module's main artifact stays a plain jar that other modules can depend on).
     */
    Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    /** The {@code java} launcher of the running JVM, used for every Java process the platform starts. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String required(UnaryOperator<String> properties, String key) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "-D" + key + " is not set: start the platform with ./mvnw -Pstart from the repository root.");
        }
        return value;
    }
}
