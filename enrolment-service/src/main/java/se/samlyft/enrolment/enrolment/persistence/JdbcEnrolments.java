package se.samlyft.enrolment.enrolment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.EnrolmentId;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.Evaluation;
import se.samlyft.enrolment.enrolment.Progress;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.SeatHold;
import se.samlyft.enrolment.enrolment.SeatRequest;
import se.samlyft.enrolment.enrolment.SeatSource;
import se.samlyft.enrolment.enrolment.SeatUse;
import se.samlyft.enrolment.enrolment.StoredEnrolment;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.offering.OfferingId;
import se.samlyft.enrolment.person.PersonId;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Enrolments in PostgreSQL; row-level security limits every query to the transaction's tenant scope. The events a
 * stored enrolment recorded are handed to the application's listeners in the same transaction.
 */
@Repository
@Transactional(readOnly = true)
class JdbcEnrolments implements Enrolments {

    private static final String COLUMNS = """
            select id, person_id, tenant_id, offering_id, course_id, offering_owner, programme_id, requested_by,
                arrival, state, seat_source, hold_until, decline_reason, paused, modules_completed, resume_at,
                milestone, usefulness, evaluation_comment, version
            from enrolment""";

    /** The condition that the enrolment {@code e} is of a person whose manager is the parameter. */
    private static final String STAFF_OF =
            "exists (select 1 from person p where p.id = e.person_id and p.manager_id = ?)";

    private static final String LIVE = EnrolmentState.LIVE_SQL;

    /** Adds the organisations an offering does not list yet to its {@code enrolled_tenants}. */
    private static final String LIST_ON_OFFERING = """
            update offering set enrolled_tenants = enrolled_tenants
                || array(select unnest(?::text[]) except select unnest(enrolled_tenants))
            where id = ? and not (enrolled_tenants @> ?::text[])""";

    /** An enrolment of the state and organisation given in the next four parameters (each twice; null for any). */
    private static final String OF_STATE_AND_ORGANISATION =
            "(?::text is null or state = ?) and (?::text is null or tenant_id = ?)";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    JdbcEnrolments(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<Enrolment> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(JdbcEnrolments::map)
                .optional();
    }

    @Override
    public List<Enrolment> list(@Nullable UUID personId, int page, int size) {
        return jdbc.sql(COLUMNS + " where (?::uuid is null or person_id = ?) order by arrival desc limit ? offset ?")
                .params(personId, personId, size, (long) page * size)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public long count(@Nullable UUID personId) {
        return jdbc.sql("select count(*) from enrolment where (?::uuid is null or person_id = ?)")
                .params(personId, personId)
                .query(Long.class)
                .single();
    }

    @Override
    public List<Enrolment> listOfStaff(UUID managerId, int page, int size) {
        return jdbc.sql(COLUMNS + " e where " + STAFF_OF + " order by e.arrival desc limit ? offset ?")
                .params(managerId, size, (long) page * size)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public long countOfStaff(UUID managerId) {
        return jdbc.sql("select count(*) from enrolment e where " + STAFF_OF)
                .param(managerId)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Enrolment> live(UUID personId, UUID offeringId) {
        return jdbc.sql(COLUMNS + " where person_id = ? and offering_id = ? and state in " + LIVE)
                .params(personId, offeringId)
                .query(JdbcEnrolments::map)
                .optional();
    }

    @Override
    public long nextArrival() {
        return jdbc.sql("select nextval('enrolment_arrival_seq')")
                .query(Long.class)
                .single();
    }

    @Override
    public List<Enrolment> liveOf(UUID personId) {
        return jdbc.sql(COLUMNS + " where person_id = ? and state in " + LIVE + " order by arrival")
                .param(personId)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public List<Enrolment> waitlist(UUID offeringId) {
        return jdbc.sql(COLUMNS + " where offering_id = ? and state = 'WAITLISTED' order by arrival")
                .param(offeringId)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public int waitingBefore(UUID offeringId, long arrival) {
        // Of every organisation, with the owner's rights: see V4__seat_counts_of_every_organisation.sql.
        return jdbc.sql("select enrolment_waiting_before(?, ?)")
                .params(offeringId, arrival)
                .query(Integer.class)
                .single();
    }

    @Override
    public List<Enrolment> live(UUID offeringId) {
        return jdbc.sql(COLUMNS + " where offering_id = ? and state in " + LIVE + " order by arrival")
                .param(offeringId)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public List<Enrolment> holdsExpired(UUID offeringId, Instant at) {
        return jdbc.sql(COLUMNS
                        + " where offering_id = ? and state = 'AWAITING_APPROVAL' and hold_until <= ? order by arrival")
                .params(offeringId, Timestamp.from(at))
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public List<Enrolment> awaitingApprovalBy(UUID managerId) {
        return jdbc.sql(COLUMNS + " e where e.state = 'AWAITING_APPROVAL' and " + STAFF_OF
                        + " order by e.hold_until nulls last, e.arrival")
                .param(managerId)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public List<Enrolment> awaitingApproval() {
        return jdbc.sql(COLUMNS + " e where e.state = 'AWAITING_APPROVAL' order by e.hold_until nulls last, e.arrival")
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public List<Enrolment> ofOffering(
            UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation, int page, int size) {
        return jdbc.sql(COLUMNS + " where offering_id = ? and " + OF_STATE_AND_ORGANISATION
                        + " order by arrival limit ? offset ?")
                .params(
                        offeringId,
                        nameOf(state),
                        nameOf(state),
                        valueOf(organisation),
                        valueOf(organisation),
                        size,
                        (long) page * size)
                .query(JdbcEnrolments::map)
                .list();
    }

    @Override
    public long countOfOffering(UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation) {
        return jdbc.sql("select count(*) from enrolment where offering_id = ? and " + OF_STATE_AND_ORGANISATION)
                .params(offeringId, nameOf(state), nameOf(state), valueOf(organisation), valueOf(organisation))
                .query(Long.class)
                .single();
    }

    @Override
    public List<SeatUse> seatUse(UUID offeringId) {
        return jdbc.sql("""
                        select tenant_id,
                            count(*) filter (where seat_source = 'QUOTA') as from_quota,
                            count(*) filter (where seat_source = 'POOL') as from_pool,
                            count(*) filter (where state = 'AWAITING_APPROVAL') as awaiting_approval,
                            count(*) filter (where state = 'WAITLISTED') as waiting
                        from enrolment where offering_id = ?
                        group by tenant_id order by tenant_id""")
                .param(offeringId)
                .query((row, number) -> new SeatUse(
                        TenantId.of(row.getString("tenant_id")),
                        row.getInt("from_quota"),
                        row.getInt("from_pool"),
                        row.getInt("awaiting_approval"),
                        row.getInt("waiting")))
                .list();
    }

    private static @Nullable String nameOf(@Nullable EnrolmentState state) {
        return state == null ? null : state.name();
    }

    private static @Nullable String valueOf(@Nullable TenantId organisation) {
        return organisation == null ? null : organisation.value();
    }

    @Override
    public Optional<Integer> waitlistPosition(UUID enrolmentId) {
        return jdbc
                .sql("select enrolment_waitlist_position(?)")
                .param(enrolmentId)
                .query((row, number) -> row.getObject(1, Integer.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    @Override
    @Transactional
    public void add(Enrolment enrolment) {
        StoredEnrolment e = enrolment.stored();
        SeatRequest r = e.request();
        try {
            jdbc.sql("""
                            insert into enrolment (id, tenant_id, offering_id, person_id, course_id, offering_owner,
                                programme_id, requested_by, arrival, state, seat_source, hold_until, decline_reason,
                                paused, modules_completed, resume_at, milestone, usefulness, evaluation_comment,
                                version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            r.id().value(),
                            r.organisation().value(),
                            r.offeringId().value(),
                            r.personId().value(),
                            r.courseId(),
                            r.offeringOwner().value(),
                            r.programmeId(),
                            r.requestedBy().name(),
                            r.arrival())
                    .params(changing(e))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new DuplicateEnrolment();
        }
        listOnOffering(r.offeringId().value(), r.organisation());
        enrolment.takeEvents().forEach(publisher::publishEvent);
    }

    /**
     * Lists the organisation on the offering ({@code offering.enrolled_tenants}, which the seat work's scope includes),
     * once per transaction and offering, just before the transaction commits: a seat transaction that takes fifty
     * requests from a dozen organisations updates the offering's row once instead of fifty times, in the same
     * transaction as the enrolments.
     */
    private void listOnOffering(UUID offeringId, TenantId organisation) {
        Listed listed = (Listed) TransactionSynchronizationManager.getResource(this);
        if (listed == null) {
            listed = new Listed();
            // Registered before it is bound: a registration that fails leaves nothing bound to the thread.
            TransactionSynchronizationManager.registerSynchronization(listed);
            TransactionSynchronizationManager.bindResource(this, listed);
        }
        listed.organisations.computeIfAbsent(offeringId, id -> new TreeSet<>()).add(organisation.value());
    }

    /**
     * The organisations to list on each offering when the transaction commits; out of the way while the transaction
     * is suspended for another.
     */
    private final class Listed implements TransactionSynchronization {

        private final Map<UUID, Set<String>> organisations = new LinkedHashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(JdbcEnrolments.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(JdbcEnrolments.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            organisations.forEach((offeringId, tenants) -> {
                String[] listed = tenants.toArray(String[]::new);
                jdbc.sql(LIST_ON_OFFERING).params(listed, offeringId, listed).update();
            });
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcEnrolments.this);
        }
    }

    @Override
    @Transactional
    public void update(Enrolment enrolment, long expectedVersion) {
        StoredEnrolment e = enrolment.stored();
        int updated = jdbc.sql("""
                        update enrolment set state = ?, seat_source = ?, hold_until = ?, decline_reason = ?,
                            paused = ?, modules_completed = ?, resume_at = ?, milestone = ?, usefulness = ?,
                            evaluation_comment = ?, version = ?, updated_at = now()
                        where id = ? and version = ?""")
                .params(changing(e))
                .params(e.request().id().value(), expectedVersion)
                .update();
        if (updated == 0) {
            throw new PreconditionFailed("The enrolment has changed since version " + expectedVersion
                    + "; read it again and repeat the request.");
        }
        enrolment.takeEvents().forEach(publisher::publishEvent);
    }

    @Override
    public Map<YearMonth, TimeStatement> timeStatements(UUID enrolmentId) {
        Map<YearMonth, TimeStatement> statements = new TreeMap<>();
        jdbc.sql("""
                        select month, hours, paid_working_time_hours, revision, confirmed_at from time_statement
                        where enrolment_id = ?""")
                .param(enrolmentId)
                .query((row, number) -> new TimeStatement(
                        YearMonth.parse(row.getString("month")),
                        row.getBigDecimal("hours").stripTrailingZeros(),
                        row.getBigDecimal("paid_working_time_hours").stripTrailingZeros(),
                        row.getInt("revision"),
                        row.getTimestamp("confirmed_at").toInstant()))
                .list()
                .forEach(statement -> statements.put(statement.month(), statement));
        return statements;
    }

    @Override
    @Transactional
    public void saveTimeStatement(Enrolment enrolment, TimeStatement statement) {
        jdbc.sql("""
                        insert into time_statement (enrolment_id, month, tenant_id, hours, paid_working_time_hours,
                            revision, confirmed_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (enrolment_id, month) do update set hours = excluded.hours,
                            paid_working_time_hours = excluded.paid_working_time_hours, revision = excluded.revision,
                            confirmed_at = excluded.confirmed_at""")
                .params(
                        enrolment.id().value(),
                        statement.month().toString(),
                        enrolment.request().organisation().value(),
                        statement.hours(),
                        statement.paidWorkingTimeHours(),
                        statement.revision(),
                        Timestamp.from(statement.confirmedAt()))
                .update();
    }

    @Override
    @Transactional
    public int pseudonymise(UUID personId) {
        return jdbc.sql("""
                        update enrolment set person_id = ?, evaluation_comment = null, resume_at = null,
                            version = version + 1, updated_at = now()
                        where person_id = ?""").params(UUID.randomUUID(), personId).update();
    }

    /**
     * The unique index refused a second live enrolment of a person on an offering: 409. The transaction is spoilt,
     * unlike after a refusal of the domain, which the seat desk's batches tell apart by this type.
     */
    static final class DuplicateEnrolment extends Conflict {

        private static final long serialVersionUID = 1L;

        DuplicateEnrolment() {
            super("The person is enrolled on this offering already.");
        }
    }

    private static Object[] changing(StoredEnrolment e) {
        SeatHold seat = e.seat();
        Evaluation evaluation = e.evaluation();
        Instant holdUntil = seat == null ? null : seat.until();
        return new Object[] {
            e.state().name(),
            seat == null ? null : seat.source().name(),
            holdUntil == null ? null : Timestamp.from(holdUntil),
            e.declineReason(),
            e.paused(),
            e.progress().modulesCompleted(),
            e.progress().resumeAt(),
            e.progress().milestone(),
            evaluation == null ? null : evaluation.usefulness(),
            evaluation == null ? null : evaluation.comment(),
            e.version()
        };
    }

    private static Enrolment map(ResultSet row, int number) throws SQLException {
        String seat = row.getString("seat_source");
        Timestamp holdUntil = row.getTimestamp("hold_until");
        Integer usefulness = row.getObject("usefulness", Integer.class);
        SeatRequest request = new SeatRequest(
                EnrolmentId.of(row.getObject("id", UUID.class)),
                PersonId.of(row.getObject("person_id", UUID.class)),
                TenantId.of(row.getString("tenant_id")),
                OfferingId.of(row.getObject("offering_id", UUID.class)),
                row.getObject("course_id", UUID.class),
                TenantId.of(row.getString("offering_owner")),
                row.getObject("programme_id", UUID.class),
                RequestedBy.valueOf(row.getString("requested_by")),
                row.getLong("arrival"));
        return Enrolment.restore(new StoredEnrolment(
                request,
                EnrolmentState.valueOf(row.getString("state")),
                seat == null
                        ? null
                        : new SeatHold(SeatSource.valueOf(seat), holdUntil == null ? null : holdUntil.toInstant()),
                row.getString("decline_reason"),
                row.getBoolean("paused"),
                new Progress(row.getInt("modules_completed"), row.getString("resume_at"), row.getInt("milestone")),
                usefulness == null ? null : new Evaluation(usefulness, row.getString("evaluation_comment")),
                row.getLong("version")));
    }
}
