package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.ProcessorTime;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures what one {@link Outbox#append} costs: 5 rounds of 5,000 appends of 500 aggregates in one transaction each,
 * after a warm-up round, with the wall time and the processor time of this JVM and of PostgreSQL per append; and what
 * the commit's notification to the relay costs transactions that each append one event, eight at a time, with
 * {@code synchronous_commit} on as in the services (PostgreSQL serialises the commits of notifying transactions),
 * in rounds with the outbox's trigger on and off in the order on, off, off, on, twice. Not part
 * of the build (the class name is no test name); run it on purpose with
 * {@code ./mvnw -B -pl platform -am verify -Dtest=OutboxAppendBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and
 * read the {@code Outbox append} lines in the test output. It asserts only that every event was appended.
 */
class OutboxAppendBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxAppendBenchmark.class);
    private static final int APPENDS = 5_000;
    private static final int ROUNDS = 5;
    private static final int AGGREGATES = 500;
    private static final TenantId STORUMAN = TenantId.of("storuman");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OutboxDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = OutboxDatabase.create("outbox_append_benchmark");
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void appendsEventsWrittenAsText() {
        measure(
                "data as JSON text",
                (course, i) -> OutboxEvent.of(
                        "samlyft.catalog.events",
                        TransactionalOutboxTest.COURSE_PUBLISHED,
                        course.toString(),
                        STORUMAN,
                        TransactionalOutboxTest.coursePublished(
                                course, STORUMAN, i + 1, "Demensvård i Storumans kommun")));
    }

    @Test
    void appendsEventsBuiltAsATree() {
        measure("data as a JSON tree", (course, i) -> {
            ObjectNode data = JSON.createObjectNode()
                    .put("courseId", course.toString())
                    .put("owner", STORUMAN.value())
                    .put("version", i + 1)
                    .put("title", "Demensvård i Storumans kommun")
                    .put("publishedAt", "2026-03-02T08:00:00Z");
            return OutboxEvent.of(
                    "samlyft.catalog.events",
                    TransactionalOutboxTest.COURSE_PUBLISHED,
                    course.toString(),
                    STORUMAN,
                    data);
        });
    }

    @Test
    void concurrentOneEventTransactionsWithAndWithoutTheCommitsNotification() throws Exception {
        int threads = 8;
        Duration round = Duration.ofSeconds(5);
        List<UUID> courses = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            courses.add(UUID.randomUUID());
        }
        commitConcurrently(threads, Duration.ofSeconds(3), courses);
        long[] commits = new long[2];
        double[] seconds = new double[2];
        for (boolean notify : new boolean[] {true, false, false, true, true, false, false, true}) {
            db.owner()
                    .execute("alter table samlyft.outbox_event " + (notify ? "enable" : "disable")
                            + " trigger outbox_event_appended");
            db.emptyOutbox();
            long started = System.nanoTime();
            commits[notify ? 0 : 1] += commitConcurrently(threads, round, courses);
            seconds[notify ? 0 : 1] += (System.nanoTime() - started) / 1e9;
        }
        db.owner().execute("alter table samlyft.outbox_event enable trigger outbox_event_appended");
        db.emptyOutbox();

        assertThat(commits[0]).isPositive();
        assertThat(commits[1]).isPositive();
        LOG.info(String.format(
                Locale.ROOT,
                "Outbox append, %d threads committing one event each, synchronous_commit on: %.0f commits/s with"
                        + " the notification, %.0f without (%.2f×)",
                threads,
                commits[0] / seconds[0],
                commits[1] / seconds[1],
                (commits[0] / seconds[0]) / (commits[1] / seconds[1])));
    }

    private static long commitConcurrently(int threads, Duration duration, List<UUID> courses) throws Exception {
        AtomicLong committed = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < until; i++) {
                        UUID course = courses.get((thread * 7919 + i) % courses.size());
                        int version = i + 1;
                        db.inTransactionOf(STORUMAN, () -> {
                            db.app().execute("set local synchronous_commit = on");
                            return db.outbox.append(OutboxEvent.of(
                                    "samlyft.catalog.events",
                                    TransactionalOutboxTest.COURSE_PUBLISHED,
                                    course.toString(),
                                    STORUMAN,
                                    TransactionalOutboxTest.coursePublished(
                                            course, STORUMAN, version, "Demensvård i Storumans kommun")));
                        });
                        committed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return committed.get();
    }

    private interface EventMaker {
        OutboxEvent make(UUID course, int i);
    }

    private void measure(String scenario, EventMaker events) {
        List<UUID> courses = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            courses.add(UUID.randomUUID());
        }
        Function<Integer, Void> round = r -> db.inTransactionOf(STORUMAN, () -> {
            for (int i = 0; i < APPENDS; i++) {
                db.outbox.append(events.make(courses.get(i % AGGREGATES), i));
            }
            return null;
        });
        db.emptyOutbox();
        round.apply(0);
        db.emptyOutbox();
        ProcessorTime before = ProcessorTime.now(db.database.ownerDataSource());
        long started = System.nanoTime();
        for (int r = 1; r <= ROUNDS; r++) {
            round.apply(r);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ProcessorTime used = ProcessorTime.now(db.database.ownerDataSource()).since(before);
        int appended = APPENDS * ROUNDS;

        assertThat(db.pendingEventIds()).hasSize(appended);
        LOG.info(String.format(
                Locale.ROOT,
                "Outbox append, %s: %d appends (%d a transaction) in %.2f s, %.0f appends/s; processor time per"
                        + " append %.1f µs in this JVM, %.1f µs in PostgreSQL",
                scenario,
                appended,
                APPENDS,
                seconds,
                appended / seconds,
                used.jvmNanos() / 1e3 / appended,
                used.postgresNanos() / 1e3 / appended));
        db.emptyOutbox();
    }
}
