package se.samlyft.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/**
 * The reports at the size of a national installation, through the service's HTTP API in-process, with row-level
 * security on and off. It fills the read model's current generation directly with SQL as the owner: 290
 * municipalities in 21 federations sized like the Swedish regions (the largest has 49 members), 250 000 people
 * (skewed over the municipalities as their populations are), 30 programmes (one per federation, nine of the largest
 * municipalities' own), 2 000 000 enrolments over two years with their states, days and evaluations, and the time
 * statements of the enrolments in a programme (about 2.7 million). Then, per report, it measures the answer's time
 * in eight rounds, with the policies in force and with row-level security switched off on the read model's tables (as
 * the owner) in the order on, off, off, on, on, off, off, on, each round after a short warm-up, pools each way's
 * rounds, and logs a table of p50, p99 and the ratio of the two, under "Reports at ...". It asserts that every answer
 * is 200 and that all rounds answer alike.
 *
 * <p>Not part of the build (the class name is no test name); run it on purpose with
 *
 * <pre>{@code ./mvnw -B -pl reporting-service -am verify -Dtest=ReportQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}</pre>
 *
 * and the system properties {@code samlyft.benchmark.scale} (people and enrolments, 1 = national, the default),
 * {@code samlyft.benchmark.runs} (measured requests per report and mode, default 50) and {@code
 * samlyft.benchmark.hold-minutes} (after loading, log the database's address and wait, to look at plans with psql).
 */
class ReportQueryBenchmark extends AgainstReporting {

    private static final Logger LOG = LoggerFactory.getLogger(ReportQueryBenchmark.class);

    /** Members per federation, as the Swedish regions' municipalities: 290 in all, the largest 49. */
    private static final int[] FEDERATION_SIZES = {
        49, 33, 26, 16, 15, 15, 14, 13, 13, 12, 12, 10, 10, 9, 8, 8, 8, 7, 6, 5, 1
    };

    private static final int MUNICIPALITIES = 290;
    private static final int PEOPLE = 250_000;
    private static final int ENROLMENTS = 2_000_000;
    private static final int OWN_PROGRAMMES = 9;
    private static final List<String> TABLES = ExplicitScopeTest.TABLES;

    @Autowired
    TestDatabase database;

    /**
     * The rounds with row-level security on ({@code false}) and off ({@code true}): on, off, off, on, twice, so that
     * neither way gains from running later; each round makes a quarter of a way's requests.
     */
    private static final boolean[] ON_OFF_ORDER = {false, true, true, false, false, true, true, false};

    private final double scale = Double.parseDouble(System.getProperty("samlyft.benchmark.scale", "1"));
    private final int runs = Integer.getInteger("samlyft.benchmark.runs", 50);
    private final int warmUp = Math.max(5, runs / 5);

    @Test
    void measuresTheReportsWithRowLevelSecurityOnAndOff() throws Exception {
        int[] federationOf = federationOfEachMunicipality();
        long started = System.nanoTime();
        load(federationOf);
        LOG.info("Loaded the read model in {} s", Math.round((System.nanoTime() - started) / 1e9));
        int holdMinutes = Integer.getInteger("samlyft.benchmark.hold-minutes", 0);
        if (holdMinutes > 0) {
            LOG.info(
                    "Holding {} minutes: psql postgresql://{}:{}@{}:{}/{} (app {}:{})",
                    holdMinutes,
                    database.ownerUser(),
                    database.ownerPassword(),
                    database.host(),
                    database.port(),
                    database.name(),
                    database.appUser(),
                    database.appPassword());
            Thread.sleep(Duration.ofMinutes(holdMinutes));
        }

        String region = federation(0);
        String typical = federation(8);
        String largest = municipality(largestMunicipalityOf(0, federationOf));
        String ownProgramme = ownProgrammeOf(0);
        String regionProgramme = programme(0);
        String typicalProgramme = programme(8);
        int typicalMembers = FEDERATION_SIZES[8];
        List<Request> requests = List.of(
                new Request(
                        "follow-up, municipality (" + largest + "), the region's programme",
                        "/api/reports/programmes/" + regionProgramme + "/follow-up",
                        () -> coordinatorOf(largest)),
                new Request(
                        "follow-up, municipality, its own programme",
                        "/api/reports/programmes/" + ownProgramme + "/follow-up",
                        () -> coordinatorOf(municipality(0))),
                new Request(
                        "federation view, typical federation (" + typicalMembers + " members), 2025",
                        "/api/reports/federation?from=2025-01-01&to=2025-12-31",
                        () -> federationCoordinatorOf(typical)),
                new Request(
                        "federation view, the region (49 members), 2025",
                        "/api/reports/federation?from=2025-01-01&to=2025-12-31",
                        () -> federationCoordinatorOf(region)),
                new Request(
                        "follow-up, the region's programme, region",
                        "/api/reports/programmes/" + regionProgramme + "/follow-up",
                        () -> federationCoordinatorOf(region)),
                new Request(
                        "monthly, typical federation's programme, 2025-10",
                        "/api/reports/programmes/" + typicalProgramme + "/monthly/2025-10",
                        () -> federationCoordinatorOf(typical)),
                new Request(
                        "monthly, the region's programme, municipality, 2025-10",
                        "/api/reports/programmes/" + regionProgramme + "/monthly/2025-10",
                        () -> coordinatorOf(largest)),
                new Request(
                        "paid time, municipality, 2025-07..2025-09",
                        "/api/reports/paid-time?from=2025-07&to=2025-09",
                        () -> coordinatorOf(largest)),
                new Request(
                        "paid time, typical federation, 2025-10, its programme",
                        "/api/reports/paid-time?from=2025-10&to=2025-10&programmeId=" + typicalProgramme,
                        () -> federationCoordinatorOf(typical)));

        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "| %-62s | %9s | %9s | %9s | %9s | %8s | %8s |",
                "report",
                "p50 on",
                "p99 on",
                "p50 off",
                "p99 off",
                "p50 on/off",
                "p99 on/off"));
        for (Request request : requests) {
            List<Measured> onRounds = new ArrayList<>();
            List<Measured> offRounds = new ArrayList<>();
            for (boolean withoutSecurity : ON_OFF_ORDER) {
                if (withoutSecurity) {
                    try {
                        TABLES.forEach(table -> owner.execute("alter table " + table + " disable row level security"));
                        offRounds.add(measure(request));
                    } finally {
                        TABLES.forEach(table -> owner.execute("alter table " + table + " enable row level security"));
                    }
                } else {
                    onRounds.add(measure(request));
                }
            }
            Measured on = Measured.pooled(onRounds);
            Measured off = Measured.pooled(offRounds);
            assertThat(off.body()).as(request.name()).isEqualTo(on.body());
            lines.add(String.format(
                    Locale.ROOT,
                    "| %-62s | %6.1f ms | %6.1f ms | %6.1f ms | %6.1f ms | %10.2f | %10.2f |",
                    request.name() + " (" + on.body().length() / 1024 + " kB)",
                    on.p50(),
                    on.p99(),
                    off.p50(),
                    off.p99(),
                    on.p50() / off.p50(),
                    on.p99() / off.p99()));
            LOG.info(lines.getLast());
        }
        LOG.info(
                "Reports at scale {} ({} people, {} enrolments), {} runs each way in eight rounds, each round after {}"
                        + " to warm up:\n{}",
                scale,
                Math.round(PEOPLE * scale),
                Math.round(ENROLMENTS * scale),
                4 * Math.max(1, runs / 4),
                Math.max(1, warmUp / 4),
                String.join("\n", lines));
    }

    /** One round: a quarter of the warm-up and of the measured requests. */
    private Measured measure(Request request) {
        String body = "";
        for (int i = 0; i < Math.max(1, warmUp / 4); i++) {
            body = get(request).body();
        }
        double[] millis = new double[Math.max(1, runs / 4)];
        for (int i = 0; i < millis.length; i++) {
            String token = request.token().get();
            long start = System.nanoTime();
            TestHttp.Response response = http.get(request.path(), token);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.status())
                    .as(request.name() + ": " + response.body())
                    .isEqualTo(200);
            body = response.body();
        }
        return new Measured(millis, body);
    }

    private TestHttp.Response get(Request request) {
        TestHttp.Response response = http.get(request.path(), request.token().get());
        assertThat(response.status())
                .as(request.name() + ": " + response.body())
                .isEqualTo(200);
        return response;
    }

    private void load(int[] federationOf) throws SQLException {
        DataSource owner = database.ownerDataSource();
        try (Connection connection = owner.getConnection();
                Statement sql = connection.createStatement()) {
            int generation;
            try (var row = sql.executeQuery("select current_generation from read_model")) {
                row.next();
                generation = row.getInt(1);
            }
            String federationArray = Arrays.stream(federationOf)
                    .mapToObj(Integer::toString)
                    .collect(Collectors.joining(",", "array[", "]"));
            long people = Math.round(PEOPLE * scale);
            double enrolmentsPerPerson = (double) ENROLMENTS / PEOPLE;
            String[] statements = {
                "select setseed(0.42)",
                // municipality number (0-based), its slug, its federation's slug and programme, its own programme
                """
                create temp table bm_municipality as
                select m, 'kommun-' || lpad((m + 1)::text, 3, '0') as slug,
                       'region-' || lpad(((%1$s)[m + 1] + 1)::text, 2, '0') as federation,
                       md5('programme-region-' || (%1$s)[m + 1])::uuid as federation_programme,
                       case when m < %2$d then md5('programme-kommun-' || m)::uuid end as own_programme,
                       '2020-01-01'::date as joined_on
                from generate_series(0, %3$d - 1) m""".formatted(federationArray, OWN_PROGRAMMES, MUNICIPALITIES),
                // the largest federation's last member joined in the period
                """
                update bm_municipality set joined_on = '2025-03-01'
                where m = (select max(m) from bm_municipality where federation = 'region-01')""",
                """
                insert into organisation (generation, tenant_id, version, kind, name, organisation_number, employer,
                                          municipality_code)
                select %1$d, slug, 1, 'MUNICIPALITY', 'Kommun ' || (m + 1), '212000-' || lpad(m::text, 4, '0'),
                       'MUNICIPAL', lpad((m + 1)::text, 4, '0')
                from bm_municipality
                union all
                select %1$d, f, 1, 'FEDERATION', 'Region ' || f, '222000-' || lpad(i::text, 4, '0'), 'NONE', null
                from (select distinct federation f, dense_rank() over (order by federation) i
                      from bm_municipality) x""".formatted(generation),
                "insert into federation (generation, tenant_id, version) select distinct %d, federation, 1 from bm_municipality"
                        .formatted(generation),
                """
                insert into federation_member (generation, tenant_id, member, joined_on)
                select %d, federation, slug, joined_on from bm_municipality""".formatted(generation),
                """
                insert into programme (generation, programme_id, tenant_id, version, number, name, funder, start_date,
                                       end_date, planned_participants)
                select distinct %1$d, federation_programme, federation, 1, '2024/' || federation, 'Kompetenslyft ' ||
                       federation, 'ESF', date '2024-12-01', date '2026-12-31', 20000
                from bm_municipality
                union all
                select %1$d, own_programme, slug, 1, '2025/' || slug, 'Omsorgslyft ' || slug, 'Omställningsfonden',
                       date '2024-12-01', date '2026-12-31', 1000
                from bm_municipality where own_programme is not null""".formatted(generation),
                // people, skewed over the municipalities as their populations are
                """
                create temp table bm_person as
                select i, md5('person-' || i)::uuid as participant,
                       floor(%2$d * power(random(), 2.2))::int as m,
                       random() as r_sex, random() as r_occupation, random() as r_education,
                       floor(random() * 20)::int as workplace, 1960 + floor(random() * 45)::int as birth_year
                from generate_series(1, %1$d) i""".formatted(people, MUNICIPALITIES),
                """
                insert into person (generation, participant, tenant_id, version, person_id, workplace_id, workplace_name,
                                    occupation, sex, birth_year, education_level)
                select %d, p.participant, m.slug, 1, md5('person-id-' || p.i)::uuid,
                       m.slug || '-arbetsplats-' || p.workplace, 'Arbetsplats ' || p.workplace,
                       (array['ASSISTANT_NURSE', 'CARE_AIDE', 'PERSONAL_ASSISTANT', 'NURSE', 'OTHER'])
                           [1 + floor(power(p.r_occupation, 1.5) * 5)::int],
                       case when p.r_sex < 0.75 then 'WOMAN' when p.r_sex < 0.97 then 'MAN'
                            when p.r_sex < 0.99 then 'NON_BINARY' end,
                       p.birth_year,
                       (array['ISCED_0_2', 'ISCED_3_4', 'ISCED_3_4', 'ISCED_5_8'])[1 + floor(p.r_education * 4)::int]
                from bm_person p join bm_municipality m using (m)""".formatted(generation),
                // enrolments: about eight a person over two years, most in their federation's programme
                """
                create temp table bm_enrolment as
                select gen_random_uuid() as enrolment_id, m.slug as tenant_id, p.participant, p.birth_year,
                       case when r_programme < 0.62 then m.federation_programme
                            when r_programme < 0.80 then coalesce(m.own_programme, m.federation_programme)
                       end as programme_id,
                       r_state, requested_on,
                       requested_on + floor(random() * 21)::int as started_on,
                       floor(random() * 150)::int + 20 as days, random() as r_rating, random() as r_months
                from (select p.*, random() as r_programme, random() as r_state,
                             date '2024-12-01' + floor(random() * 722)::int as requested_on
                      from bm_person p, generate_series(1, 1 + floor(random() * (2 * %1$s - 1) + 0 * p.i)::int) n
                      offset 0) p
                join bm_municipality m using (m)""".formatted(enrolmentsPerPerson),
                """
                insert into enrolment (generation, enrolment_id, tenant_id, version, participant, offering_id,
                                       course_id, offering_owner, programme_id, state, requested_on, started_on,
                                       ended_on, age_band, usefulness)
                select %d, enrolment_id, tenant_id, 1, participant, md5('offering-' || coalesce(programme_id::text, tenant_id))::uuid,
                       md5('course-' || coalesce(programme_id::text, tenant_id))::uuid, tenant_id, programme_id, state, requested_on,
                       case when began then started_on end,
                       case when state in ('COMPLETED', 'WITHDRAWN') then started_on + days
                            when state in ('DECLINED', 'CANCELLED') then requested_on + 5 end,
                       reporting_age_band(extract(year from requested_on)::int - birth_year),
                       case when state = 'COMPLETED' and r_rating < 0.6 then 1 + floor(r_rating / 0.6 * 5)::int end
                from (select e.*,
                             case when r_state < 0.05 then 'REQUESTED' when r_state < 0.08 then 'CONFIRMED'
                                  when r_state < 0.11 then 'DECLINED' when r_state < 0.41 then 'IN_PROGRESS'
                                  when r_state < 0.86 then 'COMPLETED' when r_state < 0.96 then 'WITHDRAWN'
                                  else 'PAUSED' end as state,
                             r_state >= 0.11 as began
                      from bm_enrolment e) x""".formatted(generation),
                // the hours of the enrolments in a programme: one to three months from the start
                """
                insert into time_statement (generation, enrolment_id, month, tenant_id, participant, revision, hours,
                                            paid_hours, confirmed_at)
                select %d, e.enrolment_id, to_char(e.started_on + make_interval(months => k), 'YYYY-MM'), e.tenant_id,
                       e.participant, case when random() < 0.03 then 2 else 1 end, h, round(h * 0.8, 1),
                       e.started_on + make_interval(months => k + 1)
                from (select *, round((4 + random() * 36)::numeric, 1) as h from enrolment
                      where programme_id is not null and started_on is not null and generation = %1$d) e,
                     generate_series(0, floor(random() * 3 + 0 * e.h)::int) k
                where e.started_on + make_interval(months => k) < date '2026-12-01'""".formatted(generation),
                "insert into read_model_tenant select slug from bm_municipality union select distinct federation from bm_municipality",
                "vacuum analyze"
            };
            for (String statement : statements) {
                long start = System.nanoTime();
                sql.execute(statement);
                LOG.info(
                        "{} ms: {}",
                        Math.round((System.nanoTime() - start) / 1e6),
                        statement.strip().lines().findFirst().orElse(""));
            }
        }
        JdbcTemplate count = new JdbcTemplate(owner);
        for (String table : TABLES) {
            LOG.info("{}: {} rows", table, count.queryForObject("select count(*) from " + table, Long.class));
        }
    }

    /** The federation (0-based) of each municipality: a fixed shuffle of the federations' seats. */
    private static int[] federationOfEachMunicipality() {
        List<Integer> seats = new ArrayList<>();
        for (int f = 0; f < FEDERATION_SIZES.length; f++) {
            seats.addAll(Collections.nCopies(FEDERATION_SIZES[f], f));
        }
        assertThat(seats).hasSize(MUNICIPALITIES);
        Collections.shuffle(seats, new Random(42));
        return seats.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The most populous municipality of the federation: the lowest number, as people are skewed to low numbers. */
    private static int largestMunicipalityOf(int federation, int[] federationOf) {
        return IntStream.range(0, MUNICIPALITIES)
                .filter(m -> federationOf[m] == federation)
                .findFirst()
                .orElseThrow();
    }

    private String ownProgrammeOf(int municipality) {
        assertThat(municipality).as("a municipality with its own programme").isLessThan(OWN_PROGRAMMES);
        return new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select md5('programme-kommun-' || ?)::uuid::text", String.class, municipality);
    }

    private String programme(int federation) {
        return new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select md5('programme-region-' || ?)::uuid::text", String.class, federation);
    }

    private static String municipality(int number) {
        return "kommun-" + String.format(Locale.ROOT, "%03d", number + 1);
    }

    private static String federation(int number) {
        return "region-" + String.format(Locale.ROOT, "%02d", number + 1);
    }

    private record Request(String name, String path, Supplier<String> token) {}

    /** The latencies of one or more rounds and the last answer; the rounds of one way must all answer alike. */
    private record Measured(double[] millis, String body) {

        static Measured pooled(List<Measured> rounds) {
            assertThat(rounds)
                    .extracting(Measured::body)
                    .containsOnly(rounds.getFirst().body());
            return new Measured(
                    rounds.stream()
                            .flatMapToDouble(round -> Arrays.stream(round.millis()))
                            .toArray(),
                    rounds.getFirst().body());
        }

        double p50() {
            return percentile(millis, 50);
        }

        double p99() {
            return percentile(millis, 99);
        }

        /** The nearest-rank percentile. */
        private static double percentile(double[] values, int percent) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
