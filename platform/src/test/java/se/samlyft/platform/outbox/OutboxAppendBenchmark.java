package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
 * after a warm-up round, with the wall time and the processor time of this JVM and of PostgreSQL per append. Not part
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
