package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.ProcessorTime;
import se.samlyft.testsupport.TestDatabase;

/**
 * Not a test: the benchmark of the rush, run on demand (see the README). It measures requests per second and latency
 * percentiles of the rush of 500 requests for 300 seats through the HTTP API, at a fixed number of concurrent
 * clients, and beside it a single-row conditional UPDATE loop at the same concurrency on the same PostgreSQL, the
 * ceiling for anything that serialises on one row. {@code -Dsamlyft.enrolment.seat-batch=1} measures the rush without
 * sharing transactions. Surefire runs only classes named *Test, so {@code ./mvnw verify}
 * never runs this one.
 */
class SeatRushBenchmark extends AgainstEnrolment {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int REQUESTS = 500;
    private static final int UPDATES = Integer.getInteger("bench.updates", 20_000);
    private static final List<String> MEMBERS = List.of(
            "arjeplog",
            "arvidsjaur",
            "dorotea",
            "kramfors",
            "lycksele",
            "mala",
            "norsjo",
            "solleftea",
            "sorsele",
            "storuman",
            "stromsund",
            "vilhelmina");

    @Autowired
    private TestDatabase database;

    @Autowired
    private Seats seats;

    @Value("${samlyft.enrolment.seat-batch:50}")
    private int seatBatch;

    private UUID lastDeskOffering;

    record Result(String what, int operations, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(double percentile) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-52s %7d ops %8.1f ops/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms",
                    what,
                    operations,
                    perSecond(),
                    percentileMillis(50),
                    percentileMillis(99),
                    percentileMillis(100));
        }
    }

    @Test
    void rushBesideASingleRowConditionalUpdate() throws Exception {
        rush("warm-up");
        atTheDesk("warm-up");
        conditionalUpdates("warm-up", 2_000);
        List<Result> rushes = new ArrayList<>();
        List<Result> desks = new ArrayList<>();
        List<Result> updates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rushes.add(rush("rush over HTTP, round " + round));
            desks.add(atTheDesk("rush at the seat desk (no HTTP), round " + round));
            updates.add(conditionalUpdates("single-row conditional update, round " + round, UPDATES));
        }
        Result rush = median(rushes);
        Result desk = median(desks);
        Result update = median(updates);
        StringBuilder report = new StringBuilder()
                .append("\nSeat rush benchmark: ")
                .append(CLIENTS)
                .append(" concurrent clients, seat batches of up to ")
                .append(seatBatch)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" processors, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        rushes.forEach(result -> report.append(result.line()).append('\n'));
        desks.forEach(result -> report.append(result.line()).append('\n'));
        updates.forEach(result -> report.append(result.line()).append('\n'));
        report.append(String.format(
                Locale.ROOT,
                "median rush %.1f requests/s (p99 %.2f ms); at the desk %.1f requests/s (p99 %.2f ms);"
                        + " update %.1f updates/s (p99 %.2f ms); ratio rush/update %.3f, desk/update %.3f%n",
                rush.perSecond(),
                rush.percentileMillis(99),
                desk.perSecond(),
                desk.percentileMillis(99),
                update.perSecond(),
                update.percentileMillis(99),
                rush.perSecond() / update.perSecond(),
                desk.perSecond() / update.perSecond()));
        System.out.println(report);
        assertThat(rush.operations()).isEqualTo(REQUESTS);
    }

    /** The tables whose policies every seat transaction passes through. */
    private static final List<String> POLICED_TABLES =
            List.of("enrolment", "offering", "course", "person", "time_statement");

    /**
     * The rush at the seat desk with row-level security as the service runs it, and the same rush with row-level
     * security disabled on the enrolment tables (by the owner, restored afterwards), rounds alternating; the ratio of
     * the medians is what the policies cost a seat transaction.
     */
    @Test
    void rowLevelSecurityOnAndOff() throws Exception {
        atTheDesk("warm-up");
        withoutRowLevelSecurity(() -> atTheDesk("warm-up"));
        List<Result> on = new ArrayList<>();
        List<Result> off = new ArrayList<>();
        List<Double> onMillisPerSeat = new ArrayList<>();
        List<Double> offMillisPerSeat = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // The order alternates, so that neither setting always runs on a warmer machine.
            int number = round;
            if (round % 2 == 0) {
                off.add(postgresTime(
                        offMillisPerSeat,
                        () -> withoutRowLevelSecurity(
                                () -> atTheDesk("seat desk, row-level security off, round " + number))));
            }
            on.add(postgresTime(onMillisPerSeat, () -> atTheDesk("seat desk, row-level security on, round " + number)));
            if (round % 2 == 1) {
                off.add(postgresTime(
                        offMillisPerSeat,
                        () -> withoutRowLevelSecurity(
                                () -> atTheDesk("seat desk, row-level security off, round " + number))));
            }
        }
        Result secured = median(on);
        Result open = median(off);
        StringBuilder report = new StringBuilder()
                .append("\nRow-level security on and off: ")
                .append(CLIENTS)
                .append(" concurrent clients at the seat desk, seat batches of up to ")
                .append(seatBatch)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" processors, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        on.forEach(result -> report.append(result.line()).append('\n'));
        off.forEach(result -> report.append(result.line()).append('\n'));
        report.append(String.format(
                Locale.ROOT,
                "median on %.1f seats/s (p99 %.2f ms); off %.1f seats/s (p99 %.2f ms);"
                        + " ratio off/on %.3f (seats/s), on/off %.3f (p99)%n",
                secured.perSecond(),
                secured.percentileMillis(99),
                open.perSecond(),
                open.percentileMillis(99),
                open.perSecond() / secured.perSecond(),
                secured.percentileMillis(99) / open.percentileMillis(99)));
        double onCost = medianOf(onMillisPerSeat);
        double offCost = medianOf(offMillisPerSeat);
        report.append(String.format(
                Locale.ROOT,
                "PostgreSQL processor time per seat request (median): on %.3f ms, off %.3f ms; ratio on/off %.3f%n",
                onCost,
                offCost,
                onCost / offCost));
        System.out.println(report);
        assertThat(on).hasSize(ROUNDS);
    }

    /**
     * Runs the rush and adds the processor time PostgreSQL spent on it per request to {@code millisPerSeat}; that does
     * not depend on what else the machine is doing, as the rate does.
     */
    private Result postgresTime(List<Double> millisPerSeat, Measured measured) throws Exception {
        ProcessorTime before = ProcessorTime.now(database.ownerDataSource());
        Result result = seated(measured.run());
        ProcessorTime used = ProcessorTime.now(database.ownerDataSource()).since(before);
        millisPerSeat.add(used.postgresNanos() / 1e6 / result.operations());
        return result;
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The result, once the rush's offering is checked to have given exactly its 300 seats. */
    private Result seated(Result result) {
        Integer seats = new JdbcTemplate(database.ownerDataSource())
                .queryForObject(
                        "select count(*) from enrolment where offering_id = ? and seat_source is not null",
                        Integer.class,
                        lastDeskOffering);
        assertThat(seats).isEqualTo(300);
        return result;
    }

    @FunctionalInterface
    private interface Measured {
        Result run() throws Exception;
    }

    private Result withoutRowLevelSecurity(Measured measured) throws Exception {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        POLICED_TABLES.forEach(table -> owner.execute("alter table " + table + " disable row level security"));
        try {
            return measured.run();
        } finally {
            POLICED_TABLES.forEach(table -> owner.execute("alter table " + table + " enable row level security"));
        }
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((left, right) -> Double.compare(left.perSecond(), right.perSecond()));
        return sorted.get(sorted.size() / 2);
    }

    /** 500 requests from 12 organisations for 300 seats (15 per organisation and a pool of 120), over HTTP. */
    private Result rush(String what) throws Exception {
        UUID offering = upstream.schedule(rushOffering());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String member = MEMBERS.get(i % MEMBERS.size());
            tokens.add(participant(member, upstream.person(member, null)));
        }
        Collections.shuffle(tokens, new Random(42));
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tokens);
        AtomicInteger failures = new AtomicInteger();
        Result result = closedLoop(what, REQUESTS, () -> {
            String token = queue.poll();
            if (api.enrol(token, offering).status() != 201) {
                failures.incrementAndGet();
            }
        });
        assertThat(failures).hasValue(0);
        Integer seated = new JdbcTemplate(database.ownerDataSource())
                .queryForObject(
                        "select count(*) from enrolment where offering_id = ? and seat_source is not null",
                        Integer.class,
                        offering);
        assertThat(seated).isEqualTo(300);
        return result;
    }

    /**
     * The same rush without HTTP, tokens or JSON: each client hands its request straight to the offering's seat desk,
     * which still locks the offering, counts the seats, stores the enrolment and appends its events to the outbox.
     */
    private Result atTheDesk(String what) throws Exception {
        UUID offering = upstream.schedule(rushOffering());
        lastDeskOffering = offering;
        ConcurrentLinkedQueue<Person> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < REQUESTS; i++) {
            queue.add(new Person(
                    UUID.randomUUID(),
                    TenantId.of(MEMBERS.get(i % MEMBERS.size())),
                    "hemtjanst-centrum",
                    null,
                    PersonStatus.ACTIVE,
                    1));
        }
        return closedLoop(what, REQUESTS, () -> {
            Person person = queue.poll();
            seats.atOffering(
                    offering, desk -> desk.request(UUID.randomUUID(), person, RequestedBy.SELF, Instant.now()));
        });
    }

    private static OfferingSpec rushOffering(UUID course) {
        OfferingSpec spec = new OfferingSpec(course);
        spec.capacity = 300;
        spec.audience = MEMBERS;
        Map<String, Integer> quotas = new LinkedHashMap<>();
        MEMBERS.forEach(member -> quotas.put(member, 15));
        spec.quotas = quotas;
        spec.quotaReleaseAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        return spec;
    }

    private OfferingSpec rushOffering() {
        return rushOffering(upstream.course("SELF_PACED_DIGITAL", 6));
    }

    /** The same concurrency, each client on its own connection, taking a seat of one row while any is free. */
    private Result conditionalUpdates(String what, int updates) throws Exception {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.execute("create table if not exists bench_seat (id integer primary key, taken bigint, seats bigint)");
        owner.update("delete from bench_seat");
        owner.update("insert into bench_seat values (1, 0, ?)", Long.MAX_VALUE);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            connections.add(database.ownerDataSource().getConnection());
        }
        ConcurrentLinkedQueue<Connection> free = new ConcurrentLinkedQueue<>(connections);
        try {
            return closedLoop(what, updates, () -> {
                Connection connection = free.poll();
                try (PreparedStatement update = connection.prepareStatement(
                        "update bench_seat set taken = taken + 1 where id = 1 and taken < seats returning taken")) {
                    try (ResultSet taken = update.executeQuery()) {
                        assertThat(taken.next()).isTrue();
                    }
                } finally {
                    free.add(connection);
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws Exception;
    }

    /** {@link #CLIENTS} clients, each sending its next operation as soon as the previous one is answered. */
    private static Result closedLoop(String what, int operations, Operation operation) throws Exception {
        long[] latencies = new long[operations];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        long began;
        try (ExecutorService threads = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(threads.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        operation.run();
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(what, operations, seconds, latencies);
    }
}
