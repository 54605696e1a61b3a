package se.samlyft.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.EndToEndLatency;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Person;
import se.samlyft.testsupport.EventSender;
import se.samlyft.testsupport.TestKafka;

/**
 * Measures the read model's freshness (event time to its effect on the reports, the timer {@code
 * samlyft.reporting.freshness}) under a steady load of enrolment events published to the test JVM's broker, and runs
 * Kafka's own end-to-end latency tool ({@code org.apache.kafka.tools.EndToEndLatency}) against the same broker for
 * comparison. Not part of the build (the class name is no test name); run it on purpose with
 *
 * <pre>{@code ./mvnw -B -pl reporting-service -am verify -Dtest=FreshnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false}</pre>
 *
 * and read the line "Freshness under ..." in the output. A warm-up at the same rate comes first, and the benchmark
 * waits until the timer's percentiles (which cover the last two minutes) have forgotten it. It asserts only that every
 * event was applied.
 */
class FreshnessBenchmark extends AgainstReporting {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessBenchmark.class);
    private static final int EVENTS_A_SECOND = 50;
    private static final int SECONDS = 60;
    private static final int WARM_UP = 500;

    /** How long the timer's percentiles remember a sample: the warm-up's samples are forgotten before measuring. */
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private static final Pattern PERCENTILES =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.,]+) ms");

    @Autowired
    MeterRegistry registry;

    @Test
    void measuresFreshnessUnderASteadyLoadBesideKafkasEndToEndLatency() throws Exception {
        Timer freshness = registry.get("samlyft.reporting.freshness").timer();
        String tenant = tenant("skelleftea");
        try (EventSender sender = new EventSender()) {
            publish(sender, tenant, WARM_UP, EVENTS_A_SECOND);
            await().atMost(Duration.ofMinutes(2)).until(() -> freshness.count() >= WARM_UP);
            Thread.sleep(WINDOW.toMillis());
            long before = freshness.count();
            long started = System.nanoTime();
            int events = publish(sender, tenant, EVENTS_A_SECOND * SECONDS, EVENTS_A_SECOND);
            double seconds = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofMinutes(5)).until(() -> freshness.count() >= before + events);

            ValueAtPercentile[] percentiles = freshness.takeSnapshot().percentileValues();
            String e2e = endToEndLatency(events);
            Matcher kafka = PERCENTILES.matcher(e2e);
            Matcher average = AVERAGE.matcher(e2e);
            assertThat(kafka.find()).as(e2e).isTrue();
            assertThat(average.find()).as(e2e).isTrue();
            LOG.info(
                    "Freshness under {} events in {} s ({} events/s): p50 {} ms, p95 {} ms, p99 {} ms, max {} ms;"
                            + " Kafka EndToEndLatency ({} messages, acks=all, 600 bytes): average {} ms, p50 {} ms,"
                            + " p99 {} ms, p99.9 {} ms",
                    events,
                    Math.round(seconds),
                    Math.round(events / seconds),
                    millis(percentiles, 0.5),
                    millis(percentiles, 0.95),
                    millis(percentiles, 0.99),
                    Math.round(freshness.max(TimeUnit.MILLISECONDS)),
                    events,
                    average.group(1),
                    kafka.group(1),
                    kafka.group(2),
                    kafka.group(3));
        }
    }

    /** Publishes enrolments' requested, started and completed events at a steady rate; returns how many. */
    private static int publish(EventSender sender, String tenant, int count, int perSecond)
            throws InterruptedException {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        int sent = 0;
        Enrolment enrolment = null;
        while (sent < count) {
            if (sent % 3 == 0) {
                enrolment = Enrolment.of(Person.of(tenant), "skelleftea", null);
            }
            String now = Instant.now().toString();
            Event event = switch (sent % 3) {
                case 0 -> enrolment.requested(now);
                case 1 -> enrolment.started(now);
                default -> enrolment.completed(now);
            };
            sender.send(event);
            sent++;
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        return sent;
    }

    /** Runs Kafka's tool in this JVM against the test broker and returns what it printed. */
    private static String endToEndLatency(int messages) {
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
                    TestKafka.bootstrapServers(),
                    "samlyft.benchmark.latency",
                    Integer.toString(messages),
                    "all",
                    "600");
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String millis(ValueAtPercentile[] percentiles, double percentile) {
        return Arrays.stream(percentiles)
                .filter(value -> value.percentile() == percentile)
                .findFirst()
                .map(value -> String.format("%.1f", value.value(TimeUnit.MILLISECONDS)))
                .orElseThrow();
    }
}
