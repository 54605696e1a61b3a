package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestKafka;

/**
 * The relay wakes when a transaction that appended events commits, and its slow poll still relays what a lost
 * notification or a lost listening connection would have left behind.
 */
class OutboxNotificationsTest {

    private static final TenantId SORSELE = TenantId.of("sorsele");
    private static final Duration NO_POLL_IN_THIS_TEST = Duration.ofMinutes(2);
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(5);

    private static OutboxDatabase db;
    private static EventTopics topics;
    private String topic;

    @BeforeAll
    static void startServers() {
        db = OutboxDatabase.create("outbox_notifications");
        topics = new EventTopics(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @BeforeEach
    void newTopicAndEmptyOutbox() {
        db.emptyOutbox();
        topic = topics.create();
    }

    @Test
    void aCommittedEventIsRelayedWellBeforeTheSafetyNetPollWouldFindIt() {
        try (OutboxRelay relay = startedRelay(NO_POLL_IN_THIS_TEST)) {
            long committed = System.nanoTime();
            append(1);

            awaitPublished(relay, 1, WELL_BEFORE_THE_POLL);
            Duration took = Duration.ofNanos(System.nanoTime() - committed);

            assertThat(took).isLessThan(WELL_BEFORE_THE_POLL);
            assertThat(relay.notificationCount()).isPositive();
            assertThat(topics.readAll(topic)).hasSize(1);
        }
    }

    @Test
    void anEventWhoseNotificationIsLostIsStillRelayedByThePoll() {
        try (OutboxRelay relay = startedRelay(Duration.ofSeconds(1))) {
            long notified = relay.notificationCount();
            db.owner().execute("alter table samlyft.outbox_event disable trigger outbox_event_appended");
            try {
                append(1);
                awaitPublished(relay, 1, Duration.ofSeconds(15));
            } finally {
                db.owner().execute("alter table samlyft.outbox_event enable trigger outbox_event_appended");
            }

            assertThat(relay.notificationCount()).as("notifications received").isEqualTo(notified);
            assertThat(db.pendingEventIds()).isEmpty();
            assertThat(topics.readAll(topic)).hasSize(1);
        }
    }

    @Test
    void aRelayWhoseListeningConnectionIsLostRelaysWhatWasCommittedMeanwhileAndListensAgain() {
        try (OutboxRelay relay = startedRelay(NO_POLL_IN_THIS_TEST)) {
            Integer terminated = db.app()
                    .queryForObject(
                            "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                                    + " where datname = current_database()"
                                    + " and application_name = 'samlyft-outbox-notifications'",
                            Integer.class);
            assertThat(terminated).isEqualTo(1);
            append(1);

            awaitPublished(relay, 1, WELL_BEFORE_THE_POLL);
            Eventually.until(WELL_BEFORE_THE_POLL, relay::isListening, listening -> listening);
            append(2);
            awaitPublished(relay, 2, WELL_BEFORE_THE_POLL);

            assertThat(topics.readAll(topic)).hasSize(2);
        }
    }

    /** A started relay that polls at the given interval, once it listens and its first poll has found nothing. */
    private static OutboxRelay startedRelay(Duration pollInterval) {
        OutboxRelay relay = db.newRelay(
                TestKafka.bootstrapServers(),
                new OutboxProperties.Relay(true, pollInterval, 50, Duration.ofSeconds(5), true));
        relay.start();
        Eventually.until(Duration.ofSeconds(10), relay::isListening, listening -> listening);
        return relay;
    }

    private static void awaitPublished(OutboxRelay relay, long events, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (relay.publishedCount() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Published " + relay.publishedCount() + " of " + events + " events in " + patience);
            }
            TransactionalOutboxTest.pause(Duration.ofMillis(5));
        }
    }

    private void append(int version) {
        UUID course = UUID.randomUUID();
        db.inTransactionOf(
                SORSELE,
                () -> db.outbox.append(OutboxEvent.of(
                        topic,
                        TransactionalOutboxTest.COURSE_PUBLISHED,
                        course.toString(),
                        SORSELE,
                        TransactionalOutboxTest.coursePublished(
                                course, SORSELE, version, "Demensvård i Sorsele kommun"))));
    }
}
