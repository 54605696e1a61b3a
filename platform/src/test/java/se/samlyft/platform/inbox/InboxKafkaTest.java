package se.samlyft.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import se.samlyft.platform.inbox.InboxTestApplication.CourseRejected;
import se.samlyft.testsupport.TestKafka;

/**
 * The test application's listener fed through the real Kafka broker. Its topic has one partition, so a record sent
 * after another is handled after it: a test that waits for a later record knows the earlier ones were handled.
 */
class InboxKafkaTest extends AgainstInboxTestApplication {

    private static final String TOPIC = InboxTestApplication.TOPIC;
    private static final String DEAD_LETTERS = "samlyft.inbox-test.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void appliesAnEventOnceWhenItIsDeliveredAgainOrItsIdComesInAnotherRecord() {
        UUID course = UUID.randomUUID();
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC");
        TestEvent sameIdNewerVersion = TestEvent.coursePublished(ARVIDSJAUR, course, 2, "Demens ABC – ny titel")
                .header("ce_id", published.id());

        send(published, published, sameIdNewerVersion);
        awaitApplied(send(TestEvent.coursePublished(MALA, UUID.randomUUID(), 1, "Markering")));

        assertThat(effects.runs(published.id())).isEqualTo(1);
        assertThat(processedRows(published.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Demens ABC");
    }

    @Test
    void retriesATransientFailureAndAppliesTheEventOnceItSucceeds() {
        UUID course = UUID.randomUUID();
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Palliativ vård");
        effects.failFirst(published.id(), 2, () -> new IllegalStateException("Databasen svarar inte"));

        awaitApplied(send(published));

        assertThat(effects.runs(published.id()))
                .as("two failures, then success")
                .isEqualTo(3);
        assertThat(processedRows(published.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Palliativ vård");
    }

    /**
     * A database that is away longer than the retries of other failures last: the record is tried until it succeeds,
     * and never reaches the dead-letter topic (the old handler gave up after its three attempts).
     */
    @Test
    void retriesATransientFailureForAsLongAsItLastsAndNeverSendsTheRecordToTheDeadLetterTopic() {
        UUID course = UUID.randomUUID();
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Hygienrutiner");
        effects.failFirst(
                published.id(),
                8,
                () -> new CannotGetJdbcConnectionException(
                        "PostgreSQL startar om", new SQLException("the database system is starting up", "57P03")));
        TestEvent next = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Nästa kurs");

        awaitApplied(send(published, next));

        assertThat(effects.runs(published.id()))
                .as("eight failures, then success, in order before the next record")
                .isEqualTo(9);
        assertThat(processedRows(published.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Hygienrutiner");
        assertThat(deadLetterKeys()).doesNotContain(published.key());
    }

    @Test
    void refusesAnEventThatClaimsAnotherSourceThanItsTopicsProducer() {
        TestEvent forged = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Förfalskad")
                .header("ce_source", "/samlyft/identity-service");
        TestEvent next = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Nästa kurs");

        awaitApplied(send(forged, next));

        assertThat(effects.runs(forged.id())).as("the effect never ran").isZero();
        assertThat(processedRows(forged.id())).isZero();
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(forged.key());
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(EventProducers.ForeignEventException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("/samlyft/identity-service");
    }

    @Test
    void keepsTheNewerVersionOfACourseWhenAnOlderEventArrivesLate() {
        UUID course = UUID.randomUUID();
        TestEvent second = TestEvent.coursePublished(ARVIDSJAUR, course, 2, "Läkemedelshantering, version 2");
        TestEvent first = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Läkemedelshantering");
        TestEvent third = TestEvent.coursePublished(ARVIDSJAUR, course, 3, "Läkemedelshantering, version 3");

        awaitApplied(send(second, first));

        assertThat(titleOf(course)).isEqualTo("Läkemedelshantering, version 2");

        awaitApplied(send(third));

        assertThat(titleOf(course)).isEqualTo("Läkemedelshantering, version 3");
    }

    @Test
    void sendsPoisonMessagesToTheDeadLetterTopicAndGoesOnWithTheNextRecord() {
        TestEvent badJson = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Trasig")
                .value("{\"courseId\": \"ej avslutad");
        TestEvent withoutId = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Utan id")
                .without("ce_id");
        TestEvent next = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Nästa kurs");

        awaitApplied(send(badJson, withoutId, next));

        assertThat(effects.deliveries(badJson.key()))
                .as("delivered once, not retried")
                .isEqualTo(1);
        assertThat(effects.deliveries(withoutId.key())).isEqualTo(1);
        ConsumerRecord<String, byte[]> deadJson = awaitDeadLetter(badJson.key());
        assertThat(deadJson.value()).isEqualTo(badJson.value());
        assertThat(header(deadJson, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(MalformedEventException.class.getName());
        assertThat(header(deadJson, "kafka_dlt-exception-message")).contains("not JSON");
        assertThat(header(deadJson, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(header(deadJson, "kafka_dlt-original-consumer-group")).isEqualTo("inbox-test");
        assertThat(header(deadJson, "ce_id")).as("the original headers").isEqualTo(badJson.id());
        ConsumerRecord<String, byte[]> deadWithoutId = awaitDeadLetter(withoutId.key());
        assertThat(header(deadWithoutId, "kafka_dlt-exception-message")).contains("has no header ce_id");
        assertThat(header(deadWithoutId, "kafka_dlt-exception-stacktrace")).isNotBlank();
    }

    @Test
    void sendsAnEventToTheDeadLetterTopicWhenItsRetriesAreExhausted() {
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Alltid fel");
        effects.failAlways(published.id(), () -> new IllegalStateException("Databasen svarar aldrig"));
        TestEvent next = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Nästa kurs");

        awaitApplied(send(published, next));

        assertThat(effects.runs(published.id()))
                .as("the first run and two retries")
                .isEqualTo(3);
        assertThat(processedRows(published.id())).isZero();
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(published.key());
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("Databasen svarar aldrig");
    }

    @Test
    void sendsANonRetryableFailureToTheDeadLetterTopicWithoutRetrying() {
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Avvisad");
        effects.failAlways(published.id(), () -> new CourseRejected("Kursen saknar ägare"));
        TestEvent next = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Nästa kurs");

        awaitApplied(send(published, next));

        assertThat(effects.runs(published.id())).isEqualTo(1);
        assertThat(header(awaitDeadLetter(published.key()), "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(CourseRejected.class.getName());
    }

    @Test
    void appliesAnEventInTheTenantScopeItNames() {
        UUID course = UUID.randomUUID();
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC i Arvidsjaur");

        awaitApplied(send(published));

        assertThat(effects.scopeSeenBy(published.id())).isEqualTo(ARVIDSJAUR);
        assertThat(titlesSeenBy(ARVIDSJAUR, course)).containsExactly("Demens ABC i Arvidsjaur");
        assertThat(titlesSeenBy(MALA, course)).isEmpty();
        assertThat(owner.queryForObject("select tenant_id from course_view where id = ?", String.class, course))
                .isEqualTo(ARVIDSJAUR);
    }

    private void awaitApplied(TestEvent event) {
        await().atMost(PATIENCE).until(() -> processedRows(event.id()) == 1);
    }

    /** The keys of every record on the dead-letter topic, read from its start to its end. */
    private static List<String> deadLetterKeys() {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (end.entrySet().stream()
                    .anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                assertThat(System.nanoTime())
                        .as("read to the end of the dead letters")
                        .isLessThan(deadline);
            }
            return keys;
        }
    }

    private static KafkaConsumer<String, byte[]> deadLetterReader() {
        Map<String, Object> configuration = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        return new KafkaConsumer<>(configuration, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The record with this key on the dead-letter topic, read from the start of the topic. */
    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record with key " + key + " on " + DEAD_LETTERS);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(Header::value)
                .map(value -> new String(value, UTF_8))
                .orElse(null);
    }
}
