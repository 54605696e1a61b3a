package se.samlyft.reporting.report.persistence;

import static java.util.stream.Collectors.joining;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.platform.security.CurrentTenantScope;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.reporting.report.Dimension;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.MonthlyReport;
import se.samlyft.reporting.report.PaidTimeEvidence;
import se.samlyft.reporting.report.Participation;
import se.samlyft.reporting.report.Period;
import se.samlyft.reporting.report.ProgrammeParticipant;
import se.samlyft.reporting.report.ProgrammeTarget;
import se.samlyft.reporting.report.Reports;
import se.samlyft.reporting.report.SmallCounts;

/**
 * The reports in SQL over the current generation of the read model. Every query names the transaction's tenant scope
 * on each tenant-owned table it reads ({@code tenant_id = any (string_to_array(:scope, ','))}, the same tenants
 * the transaction manager gives row-level security), so the same SQL gives the same rows whether the policies apply
 * or not, and the planner sees the scope as a value; row-level security stays as the defence in depth.
 */
@Repository
@Transactional(readOnly = true)
class JdbcReports implements Reports {

    /** An enrolment has begun when it started, or reached a state that only follows a start. */
    private static final String BEGAN = "(e.started_on is not null or e.state in ('IN_PROGRESS', 'COMPLETED'))";

    /** The day an enrolment counts on in a period and against a federation's membership. */
    private static final String COUNTED_ON = "coalesce(e.started_on, e.requested_on)";

    /** The generation the reports read, which the planner reads once per statement. */
    private static final String CURRENT = "(select current_generation from read_model)";

    /** The transaction's tenant scope, bound as {@code :scope} in the form {@link TenantScope#asSetting()} gives. */
    private static final String IN_SCOPE = "any (string_to_array(:scope, ','))";

    /**
     * The time statements of the current generation within the scope, joined to the enrolments by id alone: the
     * generation is a value the planner reads once, not a join key it might sort both sides by.
     */
    private static final String TIME_STATEMENTS = """

            join time_statement t
              on t.enrolment_id = e.enrolment_id and t.generation = %s and t.tenant_id = %s""".formatted(CURRENT, IN_SCOPE);

    private static final Map<Dimension, String> DIMENSIONS = new EnumMap<>(Map.of(
            Dimension.ORGANISATION, "e.tenant_id",
            Dimension.WORKPLACE, "coalesce(p.workplace_name, 'UNKNOWN')",
            Dimension.OCCUPATION, "coalesce(p.occupation, 'UNKNOWN')",
            Dimension.SEX, "coalesce(p.sex, 'UNKNOWN')",
            Dimension.AGE_BAND, "coalesce(e.age_band, 'UNKNOWN')",
            Dimension.EDUCATION, "coalesce(p.education_level, 'UNKNOWN')"));

    private final JdbcClient jdbc;

    JdbcReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<List<String>> membersOf(String federation, @Nullable Period period) {
        boolean known = jdbc.sql("""
                        select exists (select 1 from federation f join read_model r on f.generation = r.current_generation
                                       where f.tenant_id = :federation and f.tenant_id = %s)""".formatted(IN_SCOPE))
                .param("federation", federation)
                .param("scope", scope())
                .query(Boolean.class)
                .single();
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select distinct m.member from federation_member m
                        join read_model r on m.generation = r.current_generation
                        where m.tenant_id = :federation and m.tenant_id = %s
                          and (cast(:from as date) is null or m.left_on is null or m.left_on > cast(:from as date))
                          and (cast(:to as date) is null or m.joined_on <= cast(:to as date))
                        order by m.member""".formatted(IN_SCOPE))
                .param("federation", federation)
                .param("scope", scope())
                .param("from", period == null ? null : period.from())
                .param("to", period == null ? null : period.to())
                .query(String.class)
                .list());
    }

    @Override
    public Optional<ProgrammeTarget> programme(UUID programmeId) {
        return jdbc.sql("""
                        select programme_id, number, name, start_date, end_date, planned_participants
                        from programme x join read_model r on x.generation = r.current_generation
                        where x.programme_id = :programme and x.tenant_id = %s""".formatted(IN_SCOPE))
                .param("programme", programmeId)
                .param("scope", scope())
                .query((row, n) -> new ProgrammeTarget(
                        row.getObject("programme_id", UUID.class),
                        row.getString("number"),
                        row.getString("name"),
                        row.getObject("start_date", LocalDate.class),
                        row.getObject("end_date", LocalDate.class),
                        row.getInt("planned_participants")))
                .optional();
    }

    @Override
    public boolean hasEnrolments(UUID programmeId, @Nullable String jointOf) {
        Filter filter = Filter.of(programmeId, null, jointOf, scope()).jointOnly();
        return filter.bind(jdbc.sql("select exists (select 1 %s)".formatted(filter.from())))
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<String> tenantsReportedBy(String owner, UUID programmeId) {
        return jdbc.sql("select unnest(reporting_programme_tenants(:programme, :owner))")
                .param("programme", programmeId)
                .param("owner", owner)
                .query(String.class)
                .list();
    }

    @Override
    public boolean programmeKnown(UUID programmeId) {
        return Boolean.TRUE.equals(jdbc.sql("select reporting_programme_known(:programme)")
                .param("programme", programmeId)
                .query(Boolean.class)
                .single());
    }

    @Override
    public List<ProgrammeParticipant> participants(UUID programmeId, @Nullable String federation) {
        Filter filter = Filter.of(programmeId, null, federation, scope()).jointOnly();
        plan();
        return filter.bind(jdbc.sql("""
                        select p.person_id, e.tenant_id, to_char(min(%2$s), 'YYYY-MM') as start_month,
                               case when bool_and(e.ended_on is not null)
                                    then to_char(max(e.ended_on), 'YYYY-MM') end as end_month
                        %1$s and %3$s and p.person_id is not null
                        group by e.participant, p.person_id, e.tenant_id
                        order by e.tenant_id, start_month, p.person_id""".formatted(filter.from(), COUNTED_ON, BEGAN)))
                .query((row, n) -> new ProgrammeParticipant(
                        row.getObject("person_id", UUID.class),
                        row.getString("tenant_id"),
                        YearMonth.parse(row.getString("start_month")),
                        row.getString("end_month") == null ? null : YearMonth.parse(row.getString("end_month"))))
                .list();
    }

    @Override
    public List<MonthCount> participantsByFirstMonth(Selection selection) {
        Filter filter = Filter.of(selection.programmeId(), selection.period(), selection.federation(), scope());
        plan();
        return filter.bind(jdbc.sql("""
                        select first_month, count(*) as participants from (
                            select e.participant, to_char(min(%2$s), 'YYYY-MM') as first_month
                            %1$s and %3$s
                            group by e.participant) began
                        group by first_month
                        order by first_month""".formatted(filter.from(), COUNTED_ON, BEGAN)))
                .query((row, n) ->
                        new MonthCount(YearMonth.parse(row.getString("first_month")), row.getLong("participants")))
                .list();
    }

    @Override
    public HoursOutside hoursOutside(UUID programmeId, Period period) {
        Filter filter = Filter.of(programmeId, null, null, scope());
        plan();
        return filter.bind(jdbc.sql("""
                        select coalesce(sum(t.hours), 0) as hours, coalesce(sum(t.paid_hours), 0) as paid_hours
                        %s and (t.month < :first_month or t.month > :last_month)""".formatted(filter.from(TIME_STATEMENTS))))
                .param("first_month", period.firstMonth().toString())
                .param("last_month", period.lastMonth().toString())
                .query((row, n) -> new HoursOutside(row.getBigDecimal("hours"), row.getBigDecimal("paid_hours")))
                .single();
    }

    /**
     * The follow-up in one statement, reading the enrolments once: the enrolments the selection counts (with the
     * values of every breakdown), their hours, the participation figures, and per breakdown the distinct participants
     * of each value. The first row holds the figures, the others the breakdowns in the order they are shown.
     */
    @Override
    public FollowUp followUp(Selection selection, @Nullable SmallCounts rule) {
        Filter filter = Filter.of(selection.programmeId(), selection.period(), selection.federation(), scope());
        plan();
        String values = DIMENSIONS.keySet().stream()
                .map(d -> "('" + d.name() + "', c." + d.name().toLowerCase(Locale.ROOT) + ")")
                .collect(joining(", "));
        String columns = DIMENSIONS.entrySet().stream()
                .map(d -> d.getValue() + " as " + d.getKey().name().toLowerCase(Locale.ROOT))
                .collect(joining(", "));
        String sql = """
                with counted as materialized (
                    select e.enrolment_id, e.participant, e.state, e.usefulness, %1$s as began, %2$s
                    %3$s),
                hours as (
                    select coalesce(sum(t.hours), 0) as hours, coalesce(sum(t.paid_hours), 0) as paid_hours
                    from time_statement t
                    join counted c on t.enrolment_id = c.enrolment_id
                    where t.generation = %8$s and t.tenant_id = %4$s%5$s),
                figures as (
                    select count(distinct participant) filter (where began) as participants,
                           count(*) filter (where began) as started,
                           count(*) filter (where began and state = 'IN_PROGRESS') as ongoing,
                           count(*) filter (where began and state = 'COMPLETED') as completed,
                           count(*) filter (where began and state = 'WITHDRAWN') as withdrawn,
                           count(usefulness) as evaluations,
                           count(*) filter (where usefulness >= 4) as rating_4_or_5
                    from counted)
                select * from (
                    select null as dimension, null as value, f.*, h.hours, h.paid_hours from figures f, hours h
                    union all
                    select dimension, value, count(*), null, null, null, null, null, null, null, null
                    from (select distinct d.dimension, d.value, c.participant
                          from (select distinct participant, %7$s from counted where began) c
                          cross join lateral (values %6$s) d (dimension, value)) x
                    group by dimension, value) report
                order by dimension nulls first, (value like '<%%') desc, value""".formatted(
                        BEGAN,
                        columns,
                        filter.from(),
                        IN_SCOPE,
                        selection.period() == null ? "" : " and t.month between :first_month and :last_month",
                        values,
                        DIMENSIONS.keySet().stream()
                                .map(d -> d.name().toLowerCase(Locale.ROOT))
                                .collect(joining(", ")),
                        CURRENT);
        JdbcClient.StatementSpec statement = filter.bind(jdbc.sql(sql));
        if (selection.period() != null) {
            statement = statement
                    .param("first_month", selection.period().firstMonth().toString())
                    .param("last_month", selection.period().lastMonth().toString());
        }
        Map<Dimension, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            counts.put(dimension, new LinkedHashMap<>());
        }
        List<Participation> participation = new ArrayList<>(1);
        statement.query(row -> {
            String dimension = row.getString("dimension");
            if (dimension == null) {
                participation.add(new Participation(
                        row.getLong("participants"),
                        row.getLong("started"),
                        row.getLong("ongoing"),
                        row.getLong("completed"),
                        row.getLong("withdrawn"),
                        row.getBigDecimal("hours"),
                        row.getBigDecimal("paid_hours"),
                        row.getLong("evaluations"),
                        row.getLong("rating_4_or_5")));
            } else {
                counts.get(Dimension.valueOf(dimension)).put(row.getString("value"), row.getLong("participants"));
            }
        });
        return FollowUp.of(selection.programme(), selection.period(), participation.getFirst(), counts, rule);
    }

    @Override
    public MonthlyReport monthly(UUID programmeId, YearMonth month, @Nullable String federation) {
        Filter filter = Filter.of(programmeId, null, federation, scope()).jointOnly();
        plan();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<MonthlyReport.Started> started = filter.bind(jdbc.sql("""
                        select p.person_id, e.participant, e.tenant_id, e.started_on, p.sex, e.age_band,
                               p.education_level
                        %s and e.started_on between :first and :last
                        order by e.started_on, e.tenant_id, e.participant, e.enrolment_id""".formatted(filter.from())))
                .param("first", first)
                .param("last", last)
                .query((row, n) -> new MonthlyReport.Started(
                        participant(row),
                        row.getObject("started_on", LocalDate.class),
                        row.getString("sex"),
                        row.getString("age_band"),
                        row.getString("education_level")))
                .list();
        List<MonthlyReport.Ended> ended = filter.bind(jdbc.sql("""
                        select p.person_id, e.participant, e.tenant_id, e.ended_on, e.state
                        %s and %s and e.state in ('COMPLETED', 'WITHDRAWN') and e.ended_on between :first and :last
                        order by e.ended_on, e.tenant_id, e.participant, e.enrolment_id""".formatted(filter.from(), BEGAN)))
                .param("first", first)
                .param("last", last)
                .query((row, n) -> new MonthlyReport.Ended(
                        participant(row), row.getObject("ended_on", LocalDate.class), row.getString("state")))
                .list();
        List<MonthlyReport.Hours> hours = filter.bind(jdbc.sql("""
                        select p.person_id, e.participant, e.tenant_id, sum(t.hours) as hours,
                               sum(t.paid_hours) as paid_hours
                        %s and t.month = :month
                        group by p.person_id, e.participant, e.tenant_id
                        order by e.tenant_id, e.participant""".formatted(filter.from(TIME_STATEMENTS))))
                .param("month", month.toString())
                .query((row, n) -> new MonthlyReport.Hours(
                        participant(row), row.getBigDecimal("hours"), row.getBigDecimal("paid_hours")))
                .list();
        List<YearMonth> corrected = filter.bind(jdbc.sql("""
                        select distinct t.month %s and t.revision > 1 and t.month <= :month
                        order by t.month""".formatted(filter.from(TIME_STATEMENTS))))
                .param("month", month.toString())
                .query((row, n) -> YearMonth.parse(row.getString("month")))
                .list();
        return new MonthlyReport(programmeId, month, started, ended, hours, corrected);
    }

    @Override
    public PaidTimeEvidence paidTime(
            YearMonth from, YearMonth to, @Nullable UUID programmeId, @Nullable String federation) {
        Filter filter = Filter.of(programmeId, null, federation, scope()).jointOnly();
        plan();
        List<PaidTimeEvidence.Line> lines = filter.bind(
                        jdbc.sql("""
                        select p.person_id, e.participant, e.tenant_id, o.name, coalesce(o.employer, 'UNKNOWN') as employer,
                               t.month, sum(t.paid_hours) as paid_hours
                        %s and t.month between :from and :to and t.paid_hours > 0
                        group by p.person_id, e.participant, e.tenant_id, o.name, o.employer, t.month
                        order by e.tenant_id, t.month, e.participant""".formatted(filter.from(TIME_STATEMENTS + """

                                left join organisation o
                                  on o.tenant_id = e.tenant_id and o.generation = %s and o.tenant_id = %s""".formatted(CURRENT, IN_SCOPE)))))
                .param("from", from.toString())
                .param("to", to.toString())
                .query((row, n) -> new PaidTimeEvidence.Line(
                        row.getObject("person_id", UUID.class),
                        row.getObject("participant", UUID.class),
                        row.getString("tenant_id"),
                        row.getString("name"),
                        row.getString("employer"),
                        YearMonth.parse(row.getString("month")),
                        row.getBigDecimal("paid_hours")))
                .list();
        return new PaidTimeEvidence(from, to, lines);
    }

    /**
     * Planner settings for the rest of the report's transaction. Every statement is planned for its own scope
     * (never a generic plan of a prepared statement, which cannot see which tenants the scope names). The planner
     * cannot know which tenants a policy's scope names either, so under row-level security it expects a few rows
     * where a federation's report reads hundreds of thousands, and would look each person and time statement up one
     * at a time, or combine single-column indexes in bitmaps and visit the table's pages; hash joins over the scope's
     * index-only scans are what the reports need, with room to count distinct participants in memory.
     */
    private void plan() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('enable_nestloop', 'off', true), set_config('enable_bitmapscan', 'off', true),"
                        + " set_config('work_mem', '64MB', true)")
                .query()
                .singleRow();
    }

    /** The transaction's tenant scope, as the transaction manager gave it to row-level security. */
    private static String scope() {
        return CurrentTenantScope.get().asSetting();
    }

    private static MonthlyReport.Participant participant(ResultSet row) throws SQLException {
        return new MonthlyReport.Participant(
                row.getObject("person_id", UUID.class),
                row.getObject("participant", UUID.class),
                row.getString("tenant_id"));
    }

    /**
     * The enrolments a report counts, as a {@code from ... where ...} clause and its parameters. For a federation,
     * {@code joint} keeps only the enrolments on the federation's own offerings or in its own programmes, as the
     * reports that name people must.
     */
    private record Filter(
            @Nullable UUID programmeId,
            @Nullable Period period,
            @Nullable String federation,
            String scope,
            boolean joint) {

        /**
         * The enrolments and their people, each table within the scope. The generation is the current one on each
         * table, a value the planner reads once rather than a join key it might sort both sides by.
         */
        static final String TABLES = """
                from enrolment e
                left join person p
                  on p.participant = e.participant and p.generation = %s and p.tenant_id = %s""".formatted(CURRENT, IN_SCOPE);

        static Filter of(
                @Nullable UUID programmeId, @Nullable Period period, @Nullable String federation, String scope) {
            return new Filter(programmeId, period, federation, scope, false);
        }

        /** The same filter, keeping only a federation's joint enrolments. */
        Filter jointOnly() {
            return new Filter(programmeId, period, federation, scope, true);
        }

        String from() {
            return from("");
        }

        /** The enrolments a report counts, with more tables joined before the conditions. */
        String from(String joins) {
            StringBuilder sql = new StringBuilder(TABLES)
                    .append(joins)
                    .append("\nwhere e.generation = ")
                    .append(CURRENT);
            sql.append(" and e.tenant_id = ").append(IN_SCOPE);
            if (programmeId != null) {
                sql.append(" and e.programme_id = :programme");
            }
            if (period != null) {
                sql.append(" and ").append(COUNTED_ON).append(" between :period_from and :period_to");
            }
            if (federation != null) {
                sql.append(" ").append("""
                        and exists (select 1 from federation_member m
                                     where m.generation = %3$s and m.tenant_id = :federation
                                       and m.tenant_id = %2$s
                                       and m.member = e.tenant_id and m.joined_on <= %1$s
                                       and (m.left_on is null or %1$s < m.left_on))""".formatted(COUNTED_ON, IN_SCOPE, CURRENT));
                if (joint) {
                    sql.append(" ").append("""
                            and (e.offering_owner = :federation
                                 or exists (select 1 from programme x
                                            where x.generation = %1$s and x.programme_id = e.programme_id
                                              and x.tenant_id = :federation and x.tenant_id = %2$s))""".formatted(CURRENT, IN_SCOPE));
                }
            }
            return sql.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = statement.param("scope", scope);
            if (programmeId != null) {
                statement = statement.param("programme", programmeId);
            }
            if (period != null) {
                statement = statement.param("period_from", period.from()).param("period_to", period.to());
            }
            if (federation != null) {
                statement = statement.param("federation", federation);
            }
            return statement;
        }
    }
}
