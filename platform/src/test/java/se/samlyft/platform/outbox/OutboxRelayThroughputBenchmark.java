package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.TestKafka;

/**
 * Measures how fast one relay drains a backlog of 20,000 events into the test JVM's broker, with the default batch
 * size and send timeout. Not part of the build (the class name is no test name); run it on purpose with
 * {@code ./mvnw -B -o -pl platform test -Dtest=OutboxRelayThroughputBenchmark} and read the figures in the test
 * output. It asserts only that every event arrived once.
 */
class OutboxRelayThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayThroughputBenchmark.class);
    private static final int EVENTS = 20_000;
    private static final int EVENTS_A_TRANSACTION = 500;
    private static final TenantId SKELLEFTEA = TenantId.of("skelleftea");

    private static OutboxDatabase db;
    private static EventTopics topics;

    @BeforeAll
    static void startServers() {
        db = OutboxDatabase.create("outbox_benchmark");
        topics = new EventTopics(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void drainsEventsOfManyAggregates() {
        measure("2,000 aggregates, 10 events each", 2_000);
    }

    @Test
    void drainsEventsOfAFewBusyAggregates() {
        measure("20 aggregates, 1,000 events each", 20);
    }

    private void measure(String scenario, int aggregates) {
        db.emptyOutbox();
        String topic = topics.create();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID());
        }
        OutboxProperties.Relay defaults =
                new OutboxProperties.Relay(true, Duration.ofMillis(500), 500, Duration.ofSeconds(30), true);
        try (OutboxRelay relay =
                db.newRelay(TestKafka.bootstrapServers(), defaults.batchSize(), defaults.sendTimeout())) {
            append(topic, ids, 100);
            relay.publishPending();

            long appending = System.nanoTime();
            append(topic, ids, EVENTS);
            double appendSeconds = (System.nanoTime() - appending) / 1e9;
            long draining = System.nanoTime();
            int published = relay.publishPending();
            double drainSeconds = (System.nanoTime() - draining) / 1e9;

            assertThat(published).isEqualTo(EVENTS);
            assertThat(db.pendingEventIds()).isEmpty();
            assertThat(topics.readAll(topic)).hasSize(EVENTS + 100);
            LOG.info(
                    "Outbox throughput, {}: appended {} events in {} s ({} events/s, {} a transaction);"
                            + " the relay drained them to Kafka in {} s: {} events/s",
                    scenario,
                    EVENTS,
                    String.format("%.2f", appendSeconds),
                    Math.round(EVENTS / appendSeconds),
                    EVENTS_A_TRANSACTION,
                    String.format("%.2f", drainSeconds),
                    Math.round(EVENTS / drainSeconds));
        }
    }

    private static void append(String topic, List<UUID> aggregates, int events) {
        for (int first = 0; first < events; first += EVENTS_A_TRANSACTION) {
            int from = first;
            db.inTransactionOf(SKELLEFTEA, () -> {
                for (int i = from; i < Math.min(events, from + EVENTS_A_TRANSACTION); i++) {
                    UUID course = aggregates.get(i % aggregates.size());
                    db.outbox.append(OutboxEvent.of(
                            topic,
                            TransactionalOutboxTest.COURSE_PUBLISHED,
                            course.toString(),
                            SKELLEFTEA,
                            TransactionalOutboxTest.coursePublished(
                                    course, SKELLEFTEA, i + 1, "Palliativ vård i Skellefteå kommun")));
                }
                return null;
            });
        }
    }
}
