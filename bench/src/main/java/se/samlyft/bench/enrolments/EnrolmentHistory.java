package se.samlyft.bench.enrolments;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import se.samlyft.deploy.LocalPlatform;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.application.ReplayingHistory;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;

/**
 * Writes the enrolment history of the national dataset through enrolment-service's own use case in this JVM
 * ({@link ReplayingHistory}): every request at the offering's seat desk, as a coordinator's request over the API is
 * served, then the managers' decisions, withdrawals, starts, progress, pauses, completions, monthly time statements
 * and evaluations through the aggregate's rules, each stored with its events in the outbox in the same transaction,
 * which the running enrolment-service then relays. Call it once enrolment-service has learnt the people, courses and
 * offerings from identity's and catalog's events.
 *
 * <p>Each offering's whole history is one unit of work at its desk (one transaction, in the offering's tenant scope);
 * {@code -Dbench.enrolment-threads} (4) units run at once. The requests are spread over the offerings that are open for
 * enrolment between 2025-01-01 and 2026-10-31 in proportion to their capacity, among the active people of their
 * audiences; the same seed gives the same history.
 */
public final class EnrolmentHistory {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** The history begins on 2025-01-01 and ends with 2026-10-31 (Swedish time), or now if that is earlier. */
    static final Instant FROM = LocalDate.of(2025, 1, 1).atStartOfDay(SWEDEN).toInstant();

    static final Instant UNTIL = LocalDate.of(2026, 11, 1).atStartOfDay(SWEDEN).toInstant();

    private EnrolmentHistory() {}

    /**
     * What was written.
     *
     * @param enrolments the enrolments requested
     * @param states how many ended in each state
     * @param timeStatements the time statements confirmed, corrections included
     * @param evaluations the evaluations submitted
     * @param events the events appended to the outbox
     * @param offerings the offerings enrolled on
     * @param refusedMoves the moves the domain refused (left out; 0 unless the copies changed under the loader)
     * @param failedOfferings the offerings whose history could not be written (rolled back)
     */
    public record Summary(
            long enrolments,
            Map<EnrolmentState, Long> states,
            long timeStatements,
            long evaluations,
            long events,
            long offerings,
            long refusedMoves,
            long failedOfferings,
            Duration took) {

        public double enrolmentsPerSecond() {
            return enrolments / seconds();
        }

        public double eventsPerSecond() {
            return events / seconds();
        }

        private double seconds() {
            return Math.max(took.toMillis(), 1) / 1000.0;
        }

        /** The summary as lines for a person to read. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(
                    Locale.ROOT,
                    "%,d enrolments on %,d offerings in %s (%.0f enrolments/s, %.0f events/s)%n",
                    enrolments,
                    offerings,
                    took.truncatedTo(ChronoUnit.SECONDS),
                    enrolmentsPerSecond(),
                    eventsPerSecond()));
            states.forEach((state, count) -> text.append(String.format(Locale.ROOT, "  %-18s %,d%n", state, count)));
            text.append(String.format(
                    Locale.ROOT,
                    "%,d time statements, %,d evaluations, %,d events appended to the outbox%n",
                    timeStatements,
                    evaluations,
                    events));
            if (refusedMoves > 0 || failedOfferings > 0) {
                text.append(String.format(
                        Locale.ROOT, "%,d moves refused, %,d offerings failed%n", refusedMoves, failedOfferings));
            }
            return text.toString();
        }
    }

    /**
     * Writes {@code enrolments} enrolments with their histories into the enrolment database of a running platform,
     * through enrolment-service's code as its app role; the owner role only reads the local copies to plan.
     *
     * @param progress where a line of progress goes every five seconds, and the summary at the end
     */
    public static Summary load(
            LocalPlatform.Database enrolmentDatabase, long enrolments, long seed, PrintStream progress) {
        int threads = Integer.getInteger("bench.enrolment-threads", 4);
        // Each role's password is its name on the local platform.
        try (InProcessEnrolmentService service = InProcessEnrolmentService.start(
                enrolmentDatabase.url(), enrolmentDatabase.app(), enrolmentDatabase.app(), threads + 2, Map.of())) {
            DataSource owner =
                    dataSource(enrolmentDatabase.url(), enrolmentDatabase.owner(), enrolmentDatabase.owner());
            Summary summary = load(service, owner, enrolments, seed, threads, progress);
            progress.print(summary.describe());
            return summary;
        }
    }

    /** Writes the history with a service already started, {@code threads} offerings at a time. */
    static Summary load(
            InProcessEnrolmentService service,
            DataSource owner,
            long enrolments,
            long seed,
            int threads,
            PrintStream progress) {
        long started = System.nanoTime();
        Instant until = FROM.isAfter(Instant.now()) ? FROM : earlier(UNTIL, Instant.now());
        Inventory inventory = Inventory.read(owner);
        List<Offering> offerings = new ArrayList<>();
        for (Offering offering : inventory.offerings()) {
            if (OfferingHistory.playable(offering, FROM, until)
                    && Audience.of(offering, inventory).size() > 0) {
                offerings.add(offering);
            }
        }
        int[] requests = spread(offerings, inventory, enrolments, seed);
        ReplayingHistory replaying = service.bean(ReplayingHistory.class);

        OfferingHistory.Tally total = new OfferingHistory.Tally();
        AtomicLong done = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong used = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long planned = 0;
        for (int count : requests) {
            planned += count;
        }
        long plannedTotal = planned;
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("enrolment-history-progress")
                .daemon(true)
                .factory());
        reporter.scheduleAtFixedRate(
                () -> progress.println(progressLine(done.get(), plannedTotal, events.get(), started)),
                5,
                5,
                TimeUnit.SECONDS);
        try (ExecutorService workers = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("enrolment-history-", 0).factory())) {
            for (int t = 0; t < threads; t++) {
                workers.execute(() -> {
                    for (int i = next.getAndIncrement(); i < offerings.size(); i = next.getAndIncrement()) {
                        if (requests[i] == 0) {
                            continue;
                        }
                        Offering offering = offerings.get(i);
                        List<Person> people = Audience.of(offering, inventory)
                                .choose(requests[i], seed ^ offering.id().getLeastSignificantBits());
                        OfferingHistory history =
                                new OfferingHistory(offering, inventory.courseOf(offering), people, seed, FROM, until);
                        long[] appended = {0};
                        try {
                            OfferingHistory.Tally tally = replaying.ofOffering(
                                    offering.id(),
                                    replay -> InProcessEnrolmentService.countingEvents(
                                            appended, () -> history.play(replay)));
                            synchronized (total) {
                                total.add(tally);
                            }
                            done.addAndGet(tally.enrolments);
                            events.addAndGet(appended[0]);
                            used.incrementAndGet();
                        } catch (RuntimeException failure) {
                            failed.incrementAndGet();
                            progress.println("The history of offering " + offering.id() + " failed: " + failure);
                        }
                    }
                });
            }
        } finally {
            reporter.shutdownNow();
        }
        Map<EnrolmentState, Long> states = new EnumMap<>(EnrolmentState.class);
        states.putAll(total.states);
        return new Summary(
                total.enrolments,
                Collections.unmodifiableMap(states),
                total.timeStatements,
                total.evaluations,
                events.get(),
                used.get(),
                total.refusedMoves,
                failed.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * How many requests each offering gets: {@code enrolments} in all, in proportion to its capacity (give or take
     * 40 per cent), never more than the people of its audience.
     */
    static int[] spread(List<Offering> offerings, Inventory inventory, long enrolments, long seed) {
        int n = offerings.size();
        int[] requests = new int[n];
        if (n == 0 || enrolments <= 0) {
            return requests;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[n];
        int[] room = new int[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = offerings.get(i).capacity() * (0.6 + 0.8 * random.nextDouble());
            room[i] = Audience.of(offerings.get(i), inventory).size();
            sum += weights[i];
        }
        long given = 0;
        for (int i = 0; i < n; i++) {
            requests[i] = (int) Math.min(room[i], Math.floor(enrolments * weights[i] / sum));
            given += requests[i];
        }
        boolean placed = true;
        while (given < enrolments && placed) {
            placed = false;
            for (int i = 0; i < n && given < enrolments; i++) {
                int index = (int) ((i + given) % n);
                if (requests[index] < room[index]) {
                    requests[index]++;
                    given++;
                    placed = true;
                }
            }
        }
        return requests;
    }

    private static String progressLine(long done, long planned, long events, long started) {
        double seconds = Math.max(System.nanoTime() - started, 1) / 1e9;
        double rate = done / seconds;
        long eta = rate > 0 ? (long) ((planned - done) / rate) : -1;
        return String.format(
                Locale.ROOT,
                "enrolment history: %,d of %,d enrolments (%.1f %%), %.0f/s, %.0f events/s, %s left",
                done,
                planned,
                planned == 0 ? 100.0 : done * 100.0 / planned,
                rate,
                events / seconds,
                eta < 0 ? "?" : Duration.ofSeconds(eta).toString().substring(2).toLowerCase(Locale.ROOT));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static DataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The active people of an offering's audience, without copying them into one list. */
    private record Audience(List<List<Person>> organisations, int[] ends) {

        static Audience of(Offering offering, Inventory inventory) {
            List<List<Person>> organisations = offering.audience().stream()
                    .sorted((left, right) -> left.value().compareTo(right.value()))
                    .distinct()
                    .map(tenant -> inventory.people().getOrDefault(tenant, List.<Person>of()))
                    .toList();
            int[] ends = new int[organisations.size()];
            int end = 0;
            for (int i = 0; i < ends.length; i++) {
                end += organisations.get(i).size();
                ends[i] = end;
            }
            return new Audience(organisations, ends);
        }

        int size() {
            return ends.length == 0 ? 0 : ends[ends.length - 1];
        }

        Person get(int index) {
            int organisation = 0;
            while (ends[organisation] <= index) {
                organisation++;
            }
            int start = organisation == 0 ? 0 : ends[organisation - 1];
            return organisations.get(organisation).get(index - start);
        }

        /** {@code count} different people, chosen at random but the same for the same seed and audience. */
        List<Person> choose(int count, long seed) {
            SplittableRandom random = new SplittableRandom(seed * 31 + count);
            Set<Integer> chosen = new HashSet<>();
            List<Person> people = new ArrayList<>(count);
            int wanted = Math.min(count, size());
            while (people.size() < wanted) {
                int index = random.nextInt(size());
                if (chosen.add(index)) {
                    people.add(get(index));
                }
            }
            return people;
        }
    }
}
