package se.samlyft.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.deploy.Directories;
import se.samlyft.deploy.LocalPlatform;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform, started once for all the system tests of a run as {@code ./mvnw -Pstart} starts it (embedded
 * PostgreSQL, a Kafka broker process, the Keycloak distribution with the demo realm, the four services and the
 * gateway), on ports of its own and with its data under {@code target/platform}, which each run starts afresh: the
 * isolation matrix harvests the first tenant's objects and must not find an earlier run's joint offerings there.
 * Maven's Surefire passes the launcher's settings as system properties (see this module's pom); the platform stops
 * when the test JVM exits.
 */
final class RunningPlatform {

    private static RunningPlatform running;
    private static RuntimeException failedToStart;

    private final LocalPlatform platform;
    private final Map<String, String> settings;

    private RunningPlatform(LocalPlatform platform, Map<String, String> settings) {
        this.platform = platform;
        this.settings = settings;
    }

    /** The running platform, started on first use; a platform that could not start is not tried again. */
    static synchronized RunningPlatform get() {
        if (failedToStart != null) {
            throw new IllegalStateException("The platform did not start for an earlier test", failedToStart);
        }
        if (running == null) {
            Map<String, String> settings = new TreeMap<>();
            System.getProperties().forEach((key, value) -> {
                if (key.toString().startsWith("samlyft.")) {
                    settings.put(key.toString(), value.toString());
                }
            });
            Instant began = Instant.now();
            try {
                deleteEarlierState(Path.of(settings.get("samlyft.state-dir")));
                writeHostsFile();
                running = new RunningPlatform(LocalPlatform.startForTest(settings, System.out), settings);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            } catch (RuntimeException failure) {
                failedToStart = failure;
                throw failure;
            }
            System.out.println("[system-test] the platform was ready after "
                    + Duration.between(began, Instant.now()).toSeconds() + " s");
        }
        return running;
    }

    /** The name of a municipality's intranet in integration-service's hosts file: a private address. */
    static final String INTRANET_HOST = "intranet.kommun.test";

    static final String INTRANET_ADDRESS = "10.20.30.40";

    /**
     * The hosts file integration-service resolves names from (its JVM's {@code jdk.net.hosts.file}): this machine's
     * names on loopback, and {@link #INTRANET_HOST} on a private address, as a municipality's intranet name would
     * resolve inside its network.
     */
    private static void writeHostsFile() {
        String hostsFile = System.getProperty("system-test.hosts-file");
        if (hostsFile == null) {
            return;
        }
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n::1 localhost\n");
        try {
            hosts.append("127.0.0.1 ")
                    .append(InetAddress.getLocalHost().getHostName())
                    .append('\n');
        } catch (UnknownHostException unnamed) {
            // this machine has no name to list
        }
        hosts.append(INTRANET_ADDRESS).append(' ').append(INTRANET_HOST).append('\n');
        try {
            Files.writeString(Path.of(hostsFile), hosts.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hostsFile, e);
        }
    }

    /** The port of the test's webhook receiver, the only one on this machine that integration-service may call. */
    static int receiverPort() {
        return Integer.parseInt(System.getProperty("system-test.receiver-port", "28087"));
    }

    private static void deleteEarlierState(Path state) {
        try {
            Directories.deleteRecursively(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the earlier run's platform in " + state, e);
        }
    }

    LocalPlatform platform() {
        return platform;
    }

    int port(String component) {
        String value = settings.get("samlyft." + component + ".port");
        if (value == null) {
            throw new IllegalStateException("No port for " + component + " in " + settings);
        }
        return Integer.parseInt(value);
    }

    /** The gateway, the one public entry. */
    TestHttp gateway() {
        return TestHttp.onPort(port("gateway"));
    }

    /** A POST through the gateway with a JSON body (or none) and an {@code Idempotency-Key}. */
    TestHttp.Response postThroughGateway(String token, String path, @Nullable JsonNode body, UUID idempotencyKey) {
        return GatewayCalls.post(gateway(), token, path, body, idempotencyKey);
    }

    /**
     * One service straight, bypassing the gateway: {@code identity}, {@code catalog}, {@code enrolment},
     * {@code reporting}, {@code integration}.
     */
    TestHttp service(String name) {
        return TestHttp.onPort(port(name));
    }

    /** How many instances of each service run behind the gateway ({@code samlyft.instances}). */
    int instances() {
        return Integer.parseInt(settings.getOrDefault("samlyft.instances", "1"));
    }

    Map<String, String> settings() {
        return settings;
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + port("kafka");
    }

    /** A Kafka client's settings as the launcher's {@code admin}, who may read every topic; plus {@code more}. */
    Properties kafkaAdminClient(Map<String, Object> more) {
        return kafkaClient("admin", more);
    }

    /** A Kafka client's settings as {@code principal}; plus {@code more}. */
    Properties kafkaClient(String principal, Map<String, Object> more) {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientSettings(principal));
        properties.putAll(more);
        return properties;
    }

    /** A service's management port, with its health, readiness and metrics. */
    int managementPort(String component) {
        String value = settings.get("samlyft." + component + ".management-port");
        if (value == null) {
            throw new IllegalStateException("No management port for " + component + " in " + settings);
        }
        return Integer.parseInt(value);
    }

    String keycloakUrl() {
        return "http://localhost:" + port("keycloak");
    }
}
