package se.samlyft.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import se.samlyft.deploy.LocalPlatform;

/**
 * Starts the whole platform as {@code ./mvnw -Pstart} does, but on the bench's ports ({@code -Dbench.port-base}, 38
 * gives 38080 for the gateway, 38980 for its management port and 38432 for PostgreSQL) and state directory, without the demo region, and with
 * identity-service's Keycloak provisioning paused (a national HR import would otherwise queue a quarter of a million
 * Keycloak users, which the bench does not need: it makes the few logins it uses itself), and the services run with
 * the optimising compiler and a larger heap, as production would run them.
 */
final class BenchPlatform {

    private static final String[] PORTS = {
        "samlyft.postgres.port", "432",
        "samlyft.kafka.port", "092",
        "samlyft.kafka.controller-port", "093",
        "samlyft.keycloak.port", "180",
        "samlyft.keycloak.management-port", "181",
        "samlyft.gateway.port", "080",
        "samlyft.identity.port", "081",
        "samlyft.catalog.port", "082",
        "samlyft.enrolment.port", "083",
        "samlyft.reporting.port", "084",
        "samlyft.integration.port", "086",
        "samlyft.gateway.management-port", "980",
        "samlyft.identity.management-port", "981",
        "samlyft.catalog.management-port", "982",
        "samlyft.enrolment.management-port", "983",
        "samlyft.reporting.management-port", "984",
        "samlyft.web.management-port", "985",
        "samlyft.integration.management-port", "986"
    };

    private BenchPlatform() {}

    /** The launcher's properties for the bench: the JVM's system properties, with the bench's defaults added. */
    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        String base = properties.getOrDefault("bench.port-base", "38");
        for (int i = 0; i < PORTS.length; i += 2) {
            properties.putIfAbsent(PORTS[i], base + PORTS[i + 1]);
        }
        properties.putIfAbsent("samlyft.demo-data", "false");
        // The optimising compiler and a heap for a national read model, as production runs the services; the local
        // platform's defaults favour a quick start instead.
        properties.putIfAbsent("samlyft.jvm-options", "-Xmx768m -XX:+UseSerialGC");
        properties.putIfAbsent("samlyft.arguments.identity-service", "--samlyft.identity.provisioning.enabled=false");
        return properties;
    }

    /** What the bench does with the running platform. */
    @FunctionalInterface
    interface Work {
        void run(LocalPlatform platform) throws Exception;
    }

    /**
     * Starts the platform (the stage {@value #STARTING}), does the work, stops the platform and ends the JVM: with 0
     * when the work was done, 1 when it failed, saying why.
     */
    static void runAndExit(Progress progress, String failure, Work work) {
        int status = 0;
        LocalPlatform platform = null;
        try {
            try (Progress.Stage stage = progress.stage(STARTING, 0)) {
                platform = LocalPlatform.startForTest(properties(), progress.out());
            }
            work.run(platform);
        } catch (Exception e) {
            progress.say(failure + ": " + e);
            e.printStackTrace(progress.out());
            status = 1;
        } finally {
            if (platform != null) {
                platform.stop();
            }
        }
        System.exit(status);
    }

    static final String STARTING = "starting the platform";

    /** Waits for every future; the first that failed cancels the rest and its cause is thrown. */
    static void awaitAll(List<? extends Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
