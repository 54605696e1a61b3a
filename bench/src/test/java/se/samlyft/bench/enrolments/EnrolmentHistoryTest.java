package se.samlyft.bench.enrolments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.ProcessorTime;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestPostgres;

/**
 * The enrolment history written through enrolment-service's own code into a database migrated by its own migrations
 * (as the owner role; the service runs as the app role under row-level security), with offerings, courses and people
 * stored through its own repositories as its event consumers store them. {@code -Dbench.history.enrolments} (300)
 * and {@code -Dbench.enrolment-threads} (4) change the size of the run, to measure the loader.
 */
class EnrolmentHistoryTest {

    private static final TenantId FEDERATION = TenantId.of("akademi-test");
    private static final List<TenantId> MEMBERS =
            List.of(TenantId.of("arvidsjaur"), TenantId.of("mala"), TenantId.of("sorsele"));
    private static final TenantId OUTSIDER = TenantId.of("kiruna");

    private static final long ENROLMENTS = Long.getLong("bench.history.enrolments", 300);
    private static final int THREADS = Integer.getInteger("bench.enrolment-threads", 4);

    private static TestDatabase database;
    private static InProcessEnrolmentService service;
    private static JdbcTemplate owner;
    private static EnrolmentHistory.Summary summary;
    private static final Map<UUID, Offering> OFFERINGS = new HashMap<>();
    private static final Random IDS = new Random(7);

    @BeforeAll
    static void loadTheHistory() {
        database = TestPostgres.get().createDatabase("enrolment-history");
        service = InProcessEnrolmentService.start(
                database.jdbcUrl(),
                database.appUser(),
                database.appPassword(),
                THREADS + 2,
                Map.of(
                        "spring.flyway.enabled", "true",
                        "spring.flyway.url", database.jdbcUrl(),
                        "spring.flyway.user", database.ownerUser(),
                        "spring.flyway.password", database.ownerPassword()));
        owner = new JdbcTemplate(database.ownerDataSource());
        seed();
        PrintStream out = System.out;
        ProcessorTime before = ProcessorTime.now(database.ownerDataSource());
        summary = EnrolmentHistory.load(service, database.ownerDataSource(), ENROLMENTS, 42, THREADS, out);
        ProcessorTime used = ProcessorTime.now(database.ownerDataSource()).since(before);
        out.print(summary.describe());
        out.printf(
                Locale.ROOT,
                "%d threads; processor time per enrolment: %.2f ms in this JVM, %.2f ms in PostgreSQL%n",
                THREADS,
                used.jvmNanos() / 1e6 / summary.enrolments(),
                used.postgresNanos() / 1e6 / summary.enrolments());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void writesEveryEnrolmentWithARealisticSpreadOfStates() {
        assertThat(summary.enrolments()).isEqualTo(ENROLMENTS);
        assertThat(summary.refusedMoves()).isZero();
        assertThat(summary.failedOfferings()).isZero();
        Map<EnrolmentState, Long> stored = new HashMap<>();
        owner.query("select state, count(*) from enrolment group by state", row -> {
            stored.put(EnrolmentState.valueOf(row.getString(1)), row.getLong(2));
        });
        assertThat(stored).isEqualTo(summary.states());
        assertThat(stored)
                .containsKeys(
                        EnrolmentState.COMPLETED,
                        EnrolmentState.IN_PROGRESS,
                        EnrolmentState.WITHDRAWN,
                        EnrolmentState.DECLINED,
                        EnrolmentState.WAITLISTED,
                        EnrolmentState.NO_SHOW);
        long completed = stored.get(EnrolmentState.COMPLETED);
        assertThat(stored.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(completed));
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where requested_by = 'COORDINATOR'", Long.class))
                .isEqualTo(ENROLMENTS);
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where tenant_id = ?", Long.class, OUTSIDER.value()))
                .isZero();
    }

    @Test
    void appendsEveryEnrolmentsEventsToTheOutboxInVersionOrder() {
        Map<String, List<Long>> versions = new HashMap<>();
        Map<String, String> firstType = new HashMap<>();
        owner.query(
                "select record_key, ce_type, (data ->> 'version')::bigint, data ->> 'occurredAt'"
                        + " from samlyft.outbox_event order by position",
                row -> {
                    String key = row.getString(1);
                    firstType.putIfAbsent(key, row.getString(2));
                    versions.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getLong(3));
                    Instant occurred = Instant.parse(row.getString(4));
                    assertThat(occurred).isBetween(EnrolmentHistory.FROM, EnrolmentHistory.UNTIL);
                });
        assertThat(versions).hasSize((int) ENROLMENTS);
        assertThat(versions.values().stream().mapToLong(List::size).sum()).isEqualTo(summary.events());
        assertThat(firstType.values()).containsOnly("se.samlyft.enrolment.enrolment-requested.v1");
        Map<String, Long> stored = new HashMap<>();
        owner.query("select id::text, version from enrolment", row -> {
            stored.put(row.getString(1), row.getLong(2));
        });
        versions.forEach((enrolment, sequence) -> {
            assertThat(sequence.getFirst()).isEqualTo(1);
            assertThat(sequence).isSorted().doesNotHaveDuplicates();
            assertThat(sequence.getLast()).isLessThanOrEqualTo(stored.get(enrolment));
        });
        assertThat(summary.events()).isGreaterThan(5 * ENROLMENTS);
    }

    @Test
    void neverOverbooksAnOfferingOrAQuota() {
        owner.query(
                "select offering_id, count(*) from enrolment where seat_source is not null group by offering_id",
                row -> {
                    Offering offering = OFFERINGS.get(row.getObject(1, UUID.class));
                    assertThat(row.getInt(2)).isLessThanOrEqualTo(offering.capacity());
                });
        owner.query(
                "select offering_id, tenant_id, count(*) from enrolment where seat_source = 'QUOTA'"
                        + " group by offering_id, tenant_id",
                row -> {
                    Offering offering = OFFERINGS.get(row.getObject(1, UUID.class));
                    assertThat(row.getInt(3)).isLessThanOrEqualTo(offering.quotaOf(TenantId.of(row.getString(2))));
                });
        assertThat(owner.queryForObject("select count(*) from enrolment where seat_source = 'QUOTA'", Long.class))
                .isPositive();
    }

    @Test
    void confirmsTimeStatementsAndEvaluations() {
        long rows = owner.queryForObject("select count(*) from time_statement", Long.class);
        long revisions = owner.queryForObject("select coalesce(sum(revision), 0) from time_statement", Long.class);
        assertThat(rows).isPositive();
        assertThat(revisions).isEqualTo(summary.timeStatements());
        assertThat(owner.queryForObject("""
                        select count(*) from time_statement t join enrolment e on e.id = t.enrolment_id
                        join offering o on o.id = e.offering_id
                        where not o.paid_working_time and t.paid_working_time_hours > 0""", Long.class)).isZero();
        assertThat(owner.queryForObject(
                        "select count(*) from time_statement where paid_working_time_hours > 0", Long.class))
                .isPositive();
        assertThat(owner.queryForObject("select count(*) from enrolment where usefulness is not null", Long.class))
                .isEqualTo(summary.evaluations())
                .isPositive();
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where evaluation_comment is not null", Long.class))
                .isPositive();
    }

    @Test
    void anotherTenantsScopeSeesNoneOfThem() {
        Enrolments enrolments = service.bean(Enrolments.class);
        long arvidsjaur = owner.queryForObject(
                "select count(*) from enrolment where tenant_id = ?",
                Long.class,
                MEMBERS.getFirst().value());

        assertThat(inScope(TenantScope.of(OUTSIDER), () -> enrolments.count(null)))
                .isZero();
        assertThat(inScope(TenantScope.of(MEMBERS.getFirst()), () -> enrolments.count(null)))
                .isEqualTo(arvidsjaur)
                .isPositive();
        assertThat(inScope(TenantScope.none(), () -> enrolments.count(null))).isZero();
    }

    private static <T> T inScope(TenantScope scope, Supplier<T> work) {
        TransactionTemplate transaction = new TransactionTemplate(service.bean(PlatformTransactionManager.class));
        return TenantContext.callAs(scope, () -> transaction.execute(status -> work.get()));
    }

    /**
     * Courses, offerings and people as the catalog's and identity's events leave them: five shapes of offering
     * (self-paced with modules and approval on paid time with quotas, a classroom day of one municipality, a blended
     * course of the federation, a self-paced course still running when the history ends, a classroom course with
     * approval), repeated with their dates moved a month each time, about 60 requests each.
     */
    private static void seed() {
        int rounds = (int) Math.max(1, ENROLMENTS / 300);
        int perMunicipality = (int) Math.max(80, ENROLMENTS / 10);
        Course selfPaced = new Course(uuid(), FEDERATION, CourseFormat.SELF_PACED_DIGITAL, 6, 1);
        Course classroom = new Course(uuid(), MEMBERS.getFirst(), CourseFormat.CLASSROOM, null, 1);
        Course blended = new Course(uuid(), FEDERATION, CourseFormat.BLENDED, 4, 1);
        Course classroomJoint = new Course(uuid(), FEDERATION, CourseFormat.CLASSROOM, null, 1);
        save(FEDERATION, Courses.class, courses -> {
            courses.save(selfPaced);
            courses.save(blended);
            courses.save(classroomJoint);
        });
        save(MEMBERS.getFirst(), Courses.class, courses -> courses.save(classroom));
        List<TenantId> everyone = new ArrayList<>(MEMBERS);
        everyone.add(OUTSIDER);
        for (TenantId tenant : everyone) {
            save(tenant, People.class, people -> {
                UUID manager = null;
                for (int i = 0; i < perMunicipality; i++) {
                    UUID id = uuid();
                    if (i % 20 == 0) {
                        manager = id;
                    }
                    people.save(new Person(id, tenant, "arbetsplats-" + (i % 7), manager, PersonStatus.ACTIVE, 1));
                }
            });
        }
        Map<TenantId, Integer> quotas = Map.of(MEMBERS.get(0), 12, MEMBERS.get(1), 12, MEMBERS.get(2), 12);
        for (int round = 0; round < rounds; round++) {
            int shift = round % 6;
            offering(
                    FEDERATION,
                    selfPaced,
                    "2025-02-01",
                    "2025-03-15",
                    "2025-03-20",
                    "2025-06-15",
                    shift,
                    60,
                    quotas,
                    24,
                    "2025-03-01",
                    MEMBERS,
                    true,
                    true);
            offering(
                    MEMBERS.getFirst(),
                    classroom,
                    "2025-08-01",
                    "2025-09-01",
                    "2025-09-10",
                    "2025-09-12",
                    shift,
                    40,
                    Map.of(),
                    40,
                    null,
                    List.of(MEMBERS.getFirst()),
                    false,
                    true);
            offering(
                    FEDERATION,
                    blended,
                    "2026-01-10",
                    "2026-02-20",
                    "2026-03-01",
                    "2026-05-30",
                    shift,
                    50,
                    Map.of(MEMBERS.get(1), 10),
                    40,
                    null,
                    MEMBERS,
                    false,
                    false);
            offering(
                    FEDERATION,
                    selfPaced,
                    "2026-04-01",
                    "2026-08-15",
                    "2026-09-01",
                    "2026-12-20",
                    0,
                    60,
                    Map.of(),
                    60,
                    null,
                    MEMBERS,
                    false,
                    true);
            offering(
                    FEDERATION,
                    classroomJoint,
                    "2025-10-01",
                    "2025-11-15",
                    "2025-11-20",
                    "2025-11-21",
                    shift,
                    50,
                    quotas,
                    14,
                    null,
                    MEMBERS,
                    true,
                    false);
        }
    }

    private static void offering(
            TenantId ownerTenant,
            Course course,
            String opens,
            String closes,
            String starts,
            String ends,
            int monthsLater,
            int capacity,
            Map<TenantId, Integer> quotas,
            int pool,
            String releaseAt,
            List<TenantId> audience,
            boolean approval,
            boolean paid) {
        Offering offering = new Offering(
                uuid(),
                course.id(),
                ownerTenant,
                null,
                day(opens, monthsLater),
                day(closes, monthsLater),
                day(starts, monthsLater).plus(Duration.ofHours(8)),
                day(ends, monthsLater).plus(Duration.ofHours(16)),
                capacity,
                quotas,
                pool,
                releaseAt == null ? null : day(releaseAt, monthsLater),
                audience,
                approval,
                paid,
                false,
                1);
        OFFERINGS.put(offering.id(), offering);
        save(ownerTenant, Offerings.class, offerings -> offerings.save(offering));
    }

    /** Ids from a seeded generator, so that the copies, and so the history, are the same in every run. */
    private static UUID uuid() {
        return new UUID(IDS.nextLong(), IDS.nextLong());
    }

    private static Instant day(String date, int monthsLater) {
        return LocalDate.parse(date)
                .plusMonths(monthsLater)
                .atStartOfDay(EnrolmentHistory.SWEDEN)
                .toInstant();
    }

    private static <T> void save(TenantId tenant, Class<T> repository, java.util.function.Consumer<T> work) {
        T bean = service.bean(repository);
        inScope(TenantScope.of(tenant), () -> {
            work.accept(bean);
            return 0;
        });
    }
}
