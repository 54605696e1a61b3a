package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.ProcessorTime;
import se.samlyft.testsupport.TestKafka;

/**
 * Measures how long a committed event takes to reach a consumer through a running relay, at a walk (20 events a
 * second, one per transaction): the relay woken by the commit's notification against the relay that polls every
 * 100 ms alone, in alternating rounds of one run, beside the broker's own latency (a plain producer's record from its
 * send to the same kind of consumer, {@code acks=all}). Each event is timed from the return of its transaction's
 * commit to the consumer's poll that returned it; the consumer has Kafka's default fetch settings, as the services'.
 * Not part of the build (the class name is no test name); run it on purpose with {@code ./mvnw -B -pl platform test
 * -Dtest=OutboxRelayLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and read the line "Commit to consumer"
 * in the test output. {@code -Dbench.events=} sets the events of a round (300). It asserts that every event arrived.
 */
class OutboxRelayLatencyBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLatencyBenchmark.class);
    private static final int EVENTS = Integer.getInteger("bench.events", 300);
    private static final int WARM_UP = 60;
    private static final Duration EVERY = Duration.ofMillis(50);
    private static final TenantId LYCKSELE = TenantId.of("lycksele");

    private static OutboxDatabase db;
    private static EventTopics topics;

    @BeforeAll
    static void startServers() {
        db = OutboxDatabase.create("outbox_latency");
        topics = new EventTopics(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void commitToConsumerWithNotificationsAndWithThePollAlone() {
        OutboxProperties.Relay polling =
                new OutboxProperties.Relay(true, Duration.ofMillis(100), 500, Duration.ofSeconds(30), false);
        OutboxProperties.Relay notified =
                new OutboxProperties.Relay(true, Duration.ofSeconds(1), 500, Duration.ofSeconds(30), true);
        round("warm-up", polling, WARM_UP);
        round("warm-up", notified, WARM_UP);
        kafka(WARM_UP);
        Rounds poll = new Rounds();
        Rounds notify = new Rounds();
        Rounds broker = new Rounds();
        for (int i = 0; i < 2; i++) {
            poll.add(round("poll every 100 ms", polling, EVENTS));
            notify.add(round("notified, poll every 1 s", notified, EVENTS));
            broker.add(kafka(EVENTS));
        }
        LOG.info(
                "Commit to consumer, {} events at 20 a second in two rounds each way:\n"
                        + "  relay polling every 100 ms:          {}\n"
                        + "  relay woken by NOTIFY (poll every 1 s): {}\n"
                        + "  Kafka alone, send to consumer:       {}",
                2 * EVENTS,
                poll,
                notify,
                broker);
    }

    /** One round of events through a started relay with the given settings. */
    private Round round(String name, OutboxProperties.Relay settings, int events) {
        db.emptyOutbox();
        String topic = topics.create(1, Map.of());
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> consumed = new ConcurrentHashMap<>();
        try (OutboxRelay relay = db.newRelay(TestKafka.bootstrapServers(), settings);
                Consumer consumer = new Consumer(topic, consumed)) {
            relay.start();
            TransactionalOutboxTest.pause(Duration.ofSeconds(1));
            ProcessorTime before = ProcessorTime.now(db.pool);
            long next = System.nanoTime();
            for (int i = 0; i < events; i++) {
                next += EVERY.toNanos();
                UUID course = UUID.randomUUID();
                int version = i + 1;
                UUID id = db.inTransactionOf(
                        LYCKSELE,
                        () -> db.outbox.append(OutboxEvent.of(
                                topic,
                                TransactionalOutboxTest.COURSE_PUBLISHED,
                                course.toString(),
                                LYCKSELE,
                                TransactionalOutboxTest.coursePublished(
                                        course, LYCKSELE, version, "Munhälsa i äldreomsorgen"))));
                committed.put(id, System.nanoTime());
                sleepUntil(next);
            }
            consumer.awaitAll(committed.size());
            ProcessorTime spent = ProcessorTime.now(db.pool).since(before);
            Round round = Round.of(committed, consumed, spent);
            LOG.info("Commit to consumer, {}, {} events: {}", name, events, round);
            return round;
        }
    }

    /** Kafka alone: records of the outbox's size sent one at a time by a plain producer, timed to the consumer. */
    private Round kafka(int records) {
        String topic = topics.create(1, Map.of());
        Map<UUID, Long> sent = new ConcurrentHashMap<>();
        Map<UUID, Long> consumed = new ConcurrentHashMap<>();
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0);
        byte[] value = new byte[600];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
                Consumer consumer = new Consumer(topic, consumed)) {
            TransactionalOutboxTest.pause(Duration.ofSeconds(1));
            ProcessorTime before = ProcessorTime.now(db.pool);
            long next = System.nanoTime();
            for (int i = 0; i < records; i++) {
                next += EVERY.toNanos();
                UUID id = UUID.randomUUID();
                sent.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(
                        topic,
                        null,
                        id.toString(),
                        value,
                        List.of(new org.apache.kafka.common.header.internals.RecordHeader(
                                "ce_id", id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
                sleepUntil(next);
            }
            consumer.awaitAll(records);
            return Round.of(sent, consumed, ProcessorTime.now(db.pool).since(before));
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TransactionalOutboxTest.pause(Duration.ofNanos(wait));
        }
    }

    /** Reads the topic from its end on a thread of its own and notes when each event's record arrived. */
    private static final class Consumer implements AutoCloseable {

        private final Map<UUID, Long> consumed;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Consumer(String topic, Map<UUID, Long> consumed) {
            this.consumed = consumed;
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestKafka.bootstrapServers(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = Thread.ofPlatform().name("latency-consumer").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        var records = consumer.poll(Duration.ofMillis(200));
                        long now = System.nanoTime();
                        records.forEach(
                                record -> consumed.put(UUID.fromString(EventTopics.header(record, "ce_id")), now));
                    }
                }
            });
        }

        void awaitAll(int events) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumed.size() < events && System.nanoTime() < deadline) {
                TransactionalOutboxTest.pause(Duration.ofMillis(20));
            }
            assertThat(consumed).as("events consumed").hasSize(events);
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The latencies of one round, in microseconds, and what the benchmark's JVM and PostgreSQL spent meanwhile. */
    private record Round(long[] micros, ProcessorTime spent) {

        static Round of(Map<UUID, Long> from, Map<UUID, Long> to, ProcessorTime spent) {
            long[] micros = from.entrySet().stream()
                    .mapToLong(entry -> (to.get(entry.getKey()) - entry.getValue()) / 1_000)
                    .sorted()
                    .toArray();
            return new Round(micros, spent);
        }

        @Override
        public String toString() {
            return Rounds.describe(micros, spent);
        }
    }

    private static final class Rounds {

        private final List<Round> rounds = new ArrayList<>();

        void add(Round round) {
            rounds.add(round);
        }

        @Override
        public String toString() {
            long[] all = rounds.stream()
                    .flatMapToLong(round -> Arrays.stream(round.micros()))
                    .sorted()
                    .toArray();
            ProcessorTime spent = rounds.stream()
                    .map(Round::spent)
                    .reduce(
                            new ProcessorTime(0, 0),
                            (a, b) -> new ProcessorTime(
                                    a.jvmNanos() + b.jvmNanos(), a.postgresNanos() + b.postgresNanos()));
            return describe(all, spent);
        }

        static String describe(long[] sorted, ProcessorTime spent) {
            return String.format(
                    "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; processor per event: JVM %.2f ms,"
                            + " PostgreSQL %.2f ms",
                    at(sorted, 0.50),
                    at(sorted, 0.95),
                    at(sorted, 0.99),
                    sorted[sorted.length - 1] / 1000.0,
                    spent.jvmNanos() / 1e6 / sorted.length,
                    spent.postgresNanos() / 1e6 / sorted.length);
        }

        private static double at(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }
}
