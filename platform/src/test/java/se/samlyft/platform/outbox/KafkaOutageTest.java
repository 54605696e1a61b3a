package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.platform.outbox.EventTopics.byKey;
import static se.samlyft.platform.outbox.EventTopics.header;
import static se.samlyft.platform.outbox.TransactionalOutboxTest.COURSE_PUBLISHED;
import static se.samlyft.platform.outbox.TransactionalOutboxTest.coursePublished;
import static se.samlyft.platform.outbox.TransactionalOutboxTest.publishUntilEmpty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Kafka goes away and comes back: a KRaft broker of this test's own whose broker server is shut down and started
 * again on the same port, with its logs, as after a broker restart in production.
 */
class KafkaOutageTest {

    private static final TenantId VILHELMINA = TenantId.of("vilhelmina");
    private static final Duration SEND_TIMEOUT = Duration.ofMillis(1500);

    private static EmbeddedKafkaKraftBroker kafka;
    private static OutboxDatabase db;

    @BeforeAll
    static void startServers() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of("broker.session.timeout.ms", "1500", "broker.heartbeat.interval.ms", "300"));
        kafka.afterPropertiesSet();
        db = OutboxDatabase.create("outbox_outage");
    }

    @AfterAll
    static void stopServers() {
        db.close();
        kafka.destroy();
    }

    @Test
    void eventsWaitWhileKafkaIsDownAndGoOutInCommitOrderWhenItIsBack() {
        EventTopics topics = new EventTopics(kafka.getBrokersAsString());
        String topic = topics.create();
        UUID course = UUID.randomUUID();
        UUID otherCourse = UUID.randomUUID();
        List<UUID> ofCourse = new ArrayList<>();
        List<UUID> ofOtherCourse = new ArrayList<>();
        try (OutboxRelay relay = db.newRelay(kafka.getBrokersAsString(), 50, SEND_TIMEOUT)) {
            ofCourse.add(append(topic, course, 1));
            assertThat(relay.publishPending()).as("published while Kafka is up").isEqualTo(1);

            BrokerServer broker =
                    kafka.getCluster().brokers().values().iterator().next();
            broker.shutdown();
            for (int version = 2; version <= 4; version++) {
                ofCourse.add(append(topic, course, version));
                ofOtherCourse.add(append(topic, otherCourse, version - 1));
            }
            int whileDown = relay.publishPending() + relay.publishPending();

            assertThat(whileDown).as("published while Kafka is down").isZero();
            assertThat(relay.failedSendCount())
                    .as("failed sends, retried at each poll")
                    .isGreaterThanOrEqualTo(2);
            assertThat(db.pendingEventIds()).as("events waiting in the outbox").hasSize(6);
            assertThat(relay.pendingCount()).isEqualTo(6);

            broker.startup();
            publishUntilEmpty(relay, db);
        }

        Map<String, List<UUID>> delivered = byKey(topics.readAll(topic)).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> entry.getValue().stream()
                                .map(record -> UUID.fromString(header(record, "ce_id")))
                                .distinct()
                                .toList()));
        assertThat(delivered.get(course.toString())).containsExactlyElementsOf(ofCourse);
        assertThat(delivered.get(otherCourse.toString())).containsExactlyElementsOf(ofOtherCourse);
    }

    private UUID append(String topic, UUID course, int version) {
        return db.inTransactionOf(
                VILHELMINA,
                () -> db.outbox.append(OutboxEvent.of(
                        topic,
                        COURSE_PUBLISHED,
                        course.toString(),
                        VILHELMINA,
                        coursePublished(course, VILHELMINA, version, "Nattarbete i hemtjänsten"))));
    }
}
