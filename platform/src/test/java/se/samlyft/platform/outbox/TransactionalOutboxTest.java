package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.platform.outbox.EventTopics.byKey;
import static se.samlyft.platform.outbox.EventTopics.header;
import static se.samlyft.platform.outbox.EventTopics.value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's guarantees, each against the real PostgreSQL and the test JVM's Kafka broker: an event commits and
 * rolls back with its state change, reaches Kafka as a CloudEvent keyed by its aggregate, survives the death of the
 * process before or after its send, keeps its aggregate's commit order, and leaves the outbox only once acknowledged.
 */
class TransactionalOutboxTest {

    static final String COURSE_PUBLISHED = "se.samlyft.catalog.course-published.v1";
    private static final TenantId ARVIDSJAUR = TenantId.of("arvidsjaur");
    private static final TenantId MALA = TenantId.of("mala");
    private static final TenantId ASELE = TenantId.of("asele");
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private static OutboxDatabase db;
    private static EventTopics topics;

    private final List<OutboxRelay> relays = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void startServers() {
        db = OutboxDatabase.create("outbox");
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

    @AfterEach
    void closeRelays() {
        relays.forEach(OutboxRelay::close);
    }

    @Test
    void anEventCommittedWithItsStateChangeReachesKafkaAsACloudEventKeyedByItsAggregate() {
        UUID course = UUID.randomUUID();
        String data = coursePublished(course, ARVIDSJAUR, 1, "Lyft och förflyttning på Åsele vårdboende");
        Instant before = Instant.now();

        UUID id = db.inTransactionOf(ARVIDSJAUR, () -> {
            insertCourse(course, ARVIDSJAUR, "Lyft och förflyttning på Åsele vårdboende");
            return db.outbox.append(OutboxEvent.of(topic, COURSE_PUBLISHED, course.toString(), ARVIDSJAUR, data));
        });
        int published = relay().publishPending();

        assertThat(published).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = topics.readAll(topic);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(course.toString());
        assertThat(value(record)).isEqualTo(data);
        assertThat(headerNames(record))
                .containsExactlyInAnyOrder(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "ce_tenantid",
                        "content-type");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(id.toString());
        assertThat(header(record, "ce_source")).isEqualTo("/samlyft/outbox-test");
        assertThat(header(record, "ce_type")).isEqualTo(COURSE_PUBLISHED);
        assertThat(header(record, "ce_subject")).isEqualTo(course.toString());
        assertThat(Instant.parse(header(record, "ce_time"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(header(record, "ce_dataschema")).isEqualTo("urn:samlyft:schema:" + COURSE_PUBLISHED);
        assertThat(header(record, "ce_tenantid")).isEqualTo("arvidsjaur");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(db.pendingEventIds()).as("published events leave the outbox").isEmpty();
        assertThat(db.owner().queryForObject("select count(*) from course where id = ?", Integer.class, course))
                .isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndSendsNothing() {
        UUID abandoned = UUID.randomUUID();
        UUID kept = UUID.randomUUID();

        assertThatThrownBy(() -> db.inTransactionOf(MALA, () -> {
                    insertCourse(abandoned, MALA, "Demens ABC för Malå hemtjänst");
                    db.outbox.append(coursePublishedEvent(abandoned, MALA, 1));
                    throw new IllegalStateException("the course was refused after its event was appended");
                }))
                .hasMessageContaining("refused");
        UUID keptId = db.inTransactionOf(MALA, () -> {
            insertCourse(kept, MALA, "Basal hygien i vård och omsorg");
            return db.outbox.append(coursePublishedEvent(kept, MALA, 1));
        });
        int published = relay().publishPending();

        assertThat(published).isEqualTo(1);
        assertThat(topics.readAll(topic))
                .extracting(record -> header(record, "ce_id"))
                .containsExactly(keptId.toString());
        assertThat(db.owner().queryForList("select id from course where id in (?, ?)", UUID.class, abandoned, kept))
                .containsExactly(kept);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        UUID course = UUID.randomUUID();

        assertThatThrownBy(() -> db.outbox.append(coursePublishedEvent(course, ARVIDSJAUR, 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(db.pendingEventIds()).isEmpty();
    }

    @Test
    void anEventOfATenantOutsideTheTransactionsScopeIsRefusedAndNothingIsAppended() {
        UUID course = UUID.randomUUID();

        assertThatThrownBy(() ->
                        db.inTransactionOf(MALA, () -> db.outbox.append(coursePublishedEvent(course, ARVIDSJAUR, 1))))
                .isInstanceOf(EventOutsideTenantScope.class)
                .hasMessageContaining("arvidsjaur")
                .hasMessageContaining("[mala]");
        assertThatThrownBy(() -> TenantContext.callAs(
                        TenantScope.none(),
                        () -> new TransactionTemplate(db.transactions)
                                .execute(status -> db.outbox.append(coursePublishedEvent(course, ARVIDSJAUR, 1)))))
                .as("a transaction without a tenant publishes for none")
                .isInstanceOf(EventOutsideTenantScope.class);
        UUID federationsOwn = TenantContext.callAs(
                TenantScope.federation(ASELE, List.of(MALA)),
                () -> new TransactionTemplate(db.transactions)
                        .execute(status -> db.outbox.append(coursePublishedEvent(course, MALA, 1))));

        assertThat(db.pendingEventIds()).containsExactly(federationsOwn);
    }

    @Test
    void theDatabaseRefusesAnEventRowOfATenantOutsideTheScopeEvenWithoutTheOutbox() {
        assertThatThrownBy(() -> db.inTransactionOf(MALA, () -> db.app().update("""
                                insert into samlyft.outbox_event (topic, record_key, ce_id, ce_source, ce_type,
                                    ce_subject, ce_time, ce_dataschema, ce_tenantid, data)
                                values ('t', 'k', gen_random_uuid(), '/s', 'x.v1', 'k', now(), 'urn:x', 'arvidsjaur',
                                    '{}')""")))
                .rootCause()
                .hasMessageContaining("violates row-level security policy");
        assertThat(db.pendingEventIds()).isEmpty();
    }

    @Test
    void eventsCommittedBeforeTheProcessDiedArePublishedByTheRelayOfTheNextProcess() {
        UUID course = UUID.randomUUID();
        List<UUID> committed = new ArrayList<>();
        for (int version = 1; version <= 3; version++) {
            int v = version;
            committed.add(db.inTransactionOf(ASELE, () -> db.outbox.append(coursePublishedEvent(course, ASELE, v))));
        }
        relay().close();

        int published = relay().publishPending();

        assertThat(published).isEqualTo(3);
        assertThat(topics.readAll(topic))
                .extracting(record -> UUID.fromString(header(record, "ce_id")))
                .containsExactlyElementsOf(committed);
        assertThat(db.pendingEventIds()).isEmpty();
    }

    @Test
    void anEventSentButNotRecordedAsSentIsSentAgainUnderTheSameIdAndInTheSameOrder() {
        UUID course = UUID.randomUUID();
        UUID first = db.inTransactionOf(ASELE, () -> db.outbox.append(coursePublishedEvent(course, ASELE, 1)));
        UUID second = db.inTransactionOf(ASELE, () -> db.outbox.append(coursePublishedEvent(course, ASELE, 2)));
        OutboxRelay dying = relay();

        new TransactionTemplate(db.transactions).executeWithoutResult(status -> {
            assertThat(dying.publishPending()).isEqualTo(2);
            status.setRollbackOnly();
        });
        dying.close();
        assertThat(db.pendingEventIds())
                .as("the broker acknowledged both, but the removal never committed")
                .containsExactly(first, second);
        int publishedAgain = relay().publishPending();

        assertThat(publishedAgain).isEqualTo(2);
        assertThat(topics.readAll(topic))
                .extracting(record -> UUID.fromString(header(record, "ce_id")))
                .containsExactly(first, second, first, second);
        assertThat(db.pendingEventIds()).isEmpty();
    }

    @Test
    void eachAggregatesEventsReachKafkaInCommitOrderWhileTransactionsAndTwoRelaysRunConcurrently() throws Exception {
        List<UUID> courses = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<TenantId> owners = List.of(ARVIDSJAUR, MALA, ASELE);
        for (int i = 0; i < courses.size(); i++) {
            db.owner()
                    .update(
                            "insert into course values (?, ?, ?, 0)",
                            courses.get(i),
                            owners.get(i).value(),
                            "Kurs " + i);
        }
        OutboxRelay one = relay();
        OutboxRelay other = relay();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<?>> relaying = List.of(
                    CompletableFuture.runAsync(() -> pollWhile(writing, one), threads),
                    CompletableFuture.runAsync(() -> pollWhile(writing, other), threads));
            List<CompletableFuture<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int w = writer;
                writers.add(CompletableFuture.runAsync(
                        () -> {
                            for (int n = 0; n < 25; n++) {
                                int aggregate = (w + n) % courses.size();
                                publishNextVersion(courses.get(aggregate), owners.get(aggregate));
                            }
                        },
                        threads));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            writing.set(false);
            CompletableFuture.allOf(relaying.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        one.publishPending();

        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = byKey(topics.readAll(topic));
        assertThat(byKey).hasSize(3);
        for (UUID course : courses) {
            int committed = db.owner().queryForObject("select version from course where id = ?", Integer.class, course);
            // Delivery is at least once: a relay whose send timed out under load sends again, so a version may
            // come twice; the first time each one arrives must follow the commit order.
            assertThat(byKey.get(course.toString()).stream()
                            .map(record -> Integer.valueOf(field(record, "version")))
                            .distinct()
                            .toList())
                    .as("versions of course %s in the order Kafka first holds them", course)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, committed).boxed().toList());
        }
        assertThat(db.pendingEventIds()).isEmpty();
    }

    @Test
    void anEventAppendedBeforeTheStateChangeStillKeepsItsAggregatesCommitOrder() throws Exception {
        UUID course = UUID.randomUUID();
        List<String> commitOrder = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<?> first = CompletableFuture.runAsync(
                    () -> db.inTransactionOf(ARVIDSJAUR, () -> {
                        db.outbox.append(
                                courseEvent(course, ARVIDSJAUR, coursePublished(course, ARVIDSJAUR, 1, "first")));
                        firstAppended.countDown();
                        await(firstMayCommit);
                        return commitOrder.add("first");
                    }),
                    threads);
            await(firstAppended);
            CompletableFuture<?> second = CompletableFuture.runAsync(
                    () -> db.inTransactionOf(ARVIDSJAUR, () -> {
                        db.outbox.append(
                                courseEvent(course, ARVIDSJAUR, coursePublished(course, ARVIDSJAUR, 2, "second")));
                        return commitOrder.add("second");
                    }),
                    threads);
            pause(Duration.ofMillis(300));
            assertThat(second)
                    .as("an append for the same aggregate waits until the earlier transaction ends")
                    .isNotDone();
            firstMayCommit.countDown();
            CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        relay().publishPending();

        assertThat(topics.readAll(topic))
                .extracting(record -> field(record, "title"))
                .containsExactlyElementsOf(commitOrder)
                .containsExactly("first", "second");
    }

    @Test
    void anAppendWaitingForItsAggregatesLockTakesItsPositionOnlyOnceItHasTheLock() throws Exception {
        UUID course = UUID.randomUUID();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<?> first = CompletableFuture.runAsync(
                    () -> db.inTransactionOf(ARVIDSJAUR, () -> {
                        db.outbox.append(
                                courseEvent(course, ARVIDSJAUR, coursePublished(course, ARVIDSJAUR, 1, "first")));
                        firstAppended.countDown();
                        await(secondWaiting);
                        return db.outbox.append(
                                courseEvent(course, ARVIDSJAUR, coursePublished(course, ARVIDSJAUR, 2, "first again")));
                    }),
                    threads);
            await(firstAppended);
            CompletableFuture<?> second = CompletableFuture.runAsync(
                    () -> db.inTransactionOf(
                            ARVIDSJAUR,
                            () -> db.outbox.append(
                                    courseEvent(course, ARVIDSJAUR, coursePublished(course, ARVIDSJAUR, 3, "second")))),
                    threads);
            awaitAnAppendWaitingForALock();
            assertThat(second).isNotDone();
            secondWaiting.countDown();
            CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        relay().publishPending();

        assertThat(topics.readAll(topic))
                .extracting(record -> field(record, "title"))
                .as("the waiting append is positioned after the event its holder appended while it waited")
                .containsExactly("first", "first again", "second");
    }

    private static void awaitAnAppendWaitingForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Integer waiting = db.owner().queryForObject("""
                            select count(*)::int from pg_locks
                            where locktype = 'advisory' and not granted and classid = ?::oid""", Integer.class, Outbox.AGGREGATE_LOCK_SPACE);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no append waited for its aggregate's lock");
    }

    @Test
    void anEventTheBrokerRefusesStaysInTheOutboxAndHoldsBackOnlyTheLaterEventsOfItsAggregate() {
        topic = topics.create(1, Map.of("max.message.bytes", "2048"));
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        String longTitle = "Introduktion för nyanställda i äldreomsorgen ".repeat(100);
        UUID refused = db.inTransactionOf(
                MALA, () -> db.outbox.append(courseEvent(big, MALA, coursePublished(big, MALA, 1, longTitle))));
        UUID other = db.inTransactionOf(
                MALA, () -> db.outbox.append(courseEvent(small, MALA, coursePublished(small, MALA, 1, "Kort"))));
        UUID heldBack = db.inTransactionOf(
                MALA, () -> db.outbox.append(courseEvent(big, MALA, coursePublished(big, MALA, 2, "Ny titel"))));
        OutboxRelay relay = db.newRelay(TestKafka.bootstrapServers(), 50, Duration.ofSeconds(2));
        relays.add(relay);

        int published = relay.publishPending() + relay.publishPending();

        assertThat(published).as("published in two polls").isEqualTo(1);
        assertThat(relay.failedSendCount()).isPositive();
        assertThat(topics.readAll(topic))
                .extracting(record -> UUID.fromString(header(record, "ce_id")))
                .containsExactly(other);
        assertThat(db.pendingEventIds()).containsExactly(refused, heldBack);

        topics.alterConfig(topic, "max.message.bytes", "1048588");
        publishUntilEmpty(relay, db);

        assertThat(byKey(topics.readAll(topic)).get(big.toString()))
                .extracting(record -> UUID.fromString(header(record, "ce_id")))
                .containsExactly(refused, heldBack);
    }

    @Test
    void aRelayPublishesNothingWhileAnotherReplicasRelayHoldsThePublishingLock() throws SQLException {
        UUID course = UUID.randomUUID();
        UUID id = db.inTransactionOf(ASELE, () -> db.outbox.append(coursePublishedEvent(course, ASELE, 1)));
        OutboxRelay relay = relay();

        try (Connection otherReplica = db.pool.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?, 0)")) {
                lock.setInt(1, OutboxRelay.RELAY_LOCK_SPACE);
                lock.execute();
            }
            assertThat(relay.publishPending()).isZero();
            assertThat(db.pendingEventIds()).containsExactly(id);
            otherReplica.rollback();
        }

        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(topics.readAll(topic)).hasSize(1);
    }

    private OutboxRelay relay() {
        OutboxRelay relay = db.newRelay(TestKafka.bootstrapServers(), 50, SEND_TIMEOUT);
        relays.add(relay);
        return relay;
    }

    private void publishNextVersion(UUID course, TenantId owner) {
        db.inTransactionOf(owner, () -> {
            Integer version = db.app()
                    .queryForObject(
                            "update course set version = version + 1 where id = ? returning version",
                            Integer.class,
                            course);
            return db.outbox.append(coursePublishedEvent(course, owner, version));
        });
    }

    private static void pollWhile(AtomicBoolean writing, OutboxRelay relay) {
        while (writing.get()) {
            relay.publishPending();
            pause(Duration.ofMillis(5));
        }
    }

    static void publishUntilEmpty(OutboxRelay relay, OutboxDatabase database) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!database.pendingEventIds().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The outbox did not empty: " + database.pendingEventIds());
            }
            relay.publishPending();
            pause(Duration.ofMillis(100));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void insertCourse(UUID course, TenantId owner, String title) {
        db.app().update("insert into course values (?, ?, ?, 1)", course, owner.value(), title);
    }

    private OutboxEvent coursePublishedEvent(UUID course, TenantId owner, int version) {
        return OutboxEvent.of(
                topic, COURSE_PUBLISHED, course.toString(), owner, coursePublished(course, owner, version, "Kurs"));
    }

    private OutboxEvent courseEvent(UUID course, TenantId owner, String data) {
        return OutboxEvent.of(topic, COURSE_PUBLISHED, course.toString(), owner, data);
    }

    static String coursePublished(UUID course, TenantId owner, int version, String title) {
        String json = """
                {"courseId":"%s","owner":"%s","version":%d,"title":"%s","publishedAt":"2026-03-02T08:00:00Z"}""";
        return json.formatted(course, owner, version, title);
    }

    private static String field(ConsumerRecord<String, byte[]> record, String name) {
        return JsonMapper.shared().readTree(record.value()).path(name).asString();
    }

    private static List<String> headerNames(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .map(Header::key)
                .toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
