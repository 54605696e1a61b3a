package se.samlyft.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.EndToEndLatency;
import se.samlyft.deploy.LocalPlatform;

/**
 * Kafka's own {@code EndToEndLatency} tool on the platform's broker (messages of 600 bytes, {@code acks=all}, one at a
 * time from produce to consume): the baseline that the platform's event paths are set beside.
 */
final class KafkaLatency {

    private KafkaLatency() {}

    /** What the tool printed, its average and percentiles among it; it runs as the launcher's admin, who may create its topic. */
    static String measure(LocalPlatform platform, int messages) {
        try {
            Path clientProperties = Files.createTempFile("samlyft-bench-kafka", ".properties");
            Properties admin = new Properties();
            admin.putAll(platform.kafkaClientSettings("admin"));
            admin.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
            try (var writer = Files.newBufferedWriter(clientProperties)) {
                admin.store(writer, "the launcher's admin");
            }
            try {
                return measure(platform, messages, clientProperties);
            } finally {
                Files.deleteIfExists(clientProperties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String measure(LocalPlatform platform, int messages, Path clientProperties) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new IllegalStateException("EndToEndLatency failed: " + message);
            }
        });
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            EndToEndLatency.main(
                    "127.0.0.1:" + platform.ports().kafka(),
                    "samlyft.bench.latency",
                    Integer.toString(messages),
                    "all",
                    "600",
                    clientProperties.toString());
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The tool's line that starts with {@code prefix} ("Avg latency", "Percentiles"), or a note that it printed none. */
    static String line(String printed, String prefix) {
        return printed.lines()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElse("(no " + prefix.toLowerCase(java.util.Locale.ROOT) + " printed)");
    }
}
