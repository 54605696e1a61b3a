package se.samlyft.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.EndToEndLatency;
import se.samlyft.deploy.LocalPlatform;

/**
 * Kafka's own {@code EndToEndLatency} tool on the platform's broker (messages of 600 bytes, {@code acks=all}, one at a
 * time from produce to consume): the baseline that the platform's event paths are set beside.
 */
final class KafkaLatency {

    private KafkaLatency() {}

    /** What the tool printed, its average and percentiles among it. */
    static String measure(LocalPlatform platform, int messages) {
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
                    "600");
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
