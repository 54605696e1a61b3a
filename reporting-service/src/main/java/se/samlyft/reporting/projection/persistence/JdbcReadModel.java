package se.samlyft.reporting.projection.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.reporting.projection.EnrolmentFacts;
import se.samlyft.reporting.projection.EnrolmentStep;
import se.samlyft.reporting.projection.Evaluation;
import se.samlyft.reporting.projection.FederationMembership;
import se.samlyft.reporting.projection.Generations;
import se.samlyft.reporting.projection.OrganisationFacts;
import se.samlyft.reporting.projection.PersonErased;
import se.samlyft.reporting.projection.PersonFacts;
import se.samlyft.reporting.projection.PersonLeft;
import se.samlyft.reporting.projection.ProgrammeFacts;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.RebuildProgress;
import se.samlyft.reporting.projection.TimeStatement;

/**
 * The read model in PostgreSQL. Each upsert names the generation in its key and writes only when the event's version
 * is newer than the row's (the platform's {@code VersionedUpsert} pattern, with a two-column key); facts that never
 * go back (the day an enrolment was requested, started or ended) are kept with {@code least}, so they come out the
 * same whatever order the events arrive in. The writes run in the caller's transaction, which the inbox opens in (or,
 * for a poll, switches to) the event's tenant scope.
 */
@Repository
class JdbcReadModel implements ReadModel {

    static final List<String> TENANT_TABLES = List.of(
            "organisation", "federation", "federation_member", "programme", "person", "enrolment", "time_statement");

    private static final String ORGANISATION = """
            insert into organisation as existing
                (generation, tenant_id, version, kind, name, organisation_number, employer, municipality_code)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (generation, tenant_id) do update set version = excluded.version, kind = excluded.kind,
                name = excluded.name, organisation_number = excluded.organisation_number,
                employer = excluded.employer, municipality_code = excluded.municipality_code
            where excluded.version > existing.version""";

    private static final String FEDERATION = """
            insert into federation as existing (generation, tenant_id, version) values (?, ?, ?)
            on conflict (generation, tenant_id) do update set version = excluded.version
            where excluded.version > existing.version""";

    private static final String PROGRAMME = """
            insert into programme as existing (generation, programme_id, tenant_id, version, number, name, funder,
                start_date, end_date, planned_participants)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (generation, programme_id) do update set tenant_id = excluded.tenant_id,
                version = excluded.version, number = excluded.number, name = excluded.name,
                funder = excluded.funder, start_date = excluded.start_date, end_date = excluded.end_date,
                planned_participants = excluded.planned_participants
            where excluded.version > existing.version""";

    private static final String PERSON = """
            insert into person as existing (generation, participant, tenant_id, version, person_id, workplace_id,
                workplace_name, occupation, sex, birth_year, education_level)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (generation, participant) do update set tenant_id = excluded.tenant_id,
                version = excluded.version, person_id = excluded.person_id, workplace_id = excluded.workplace_id,
                workplace_name = excluded.workplace_name, occupation = excluded.occupation, sex = excluded.sex,
                birth_year = excluded.birth_year, education_level = excluded.education_level
            where excluded.version > existing.version and existing.erased_at is null""";

    private static final String AGE_BANDS_OF_PERSON = """
            update enrolment e set age_band = reporting_age_band(extract(year from e.requested_on)::integer - ?)
            where e.generation = ? and e.participant = ?""";

    private static final String PERSON_LEFT = """
            update person set version = ?, left_on = ?
            where generation = ? and participant = ? and version < ? and erased_at is null""";

    private static final String PERSON_ERASED = """
            insert into person as existing (generation, participant, tenant_id, version, erased_at)
            values (?, ?, ?, ?, ?)
            on conflict (generation, participant) do update set version = excluded.version, person_id = null,
                birth_year = null, erased_at = excluded.erased_at
            where excluded.version > existing.version""";

    private static final String ENROLMENT = """
            insert into enrolment as existing (generation, enrolment_id, tenant_id, version, participant, offering_id,
                course_id, offering_owner, programme_id, state, requested_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (generation, enrolment_id) do update set tenant_id = excluded.tenant_id,
                version = excluded.version, participant = excluded.participant, offering_id = excluded.offering_id,
                course_id = excluded.course_id, offering_owner = excluded.offering_owner,
                programme_id = excluded.programme_id, state = excluded.state
            where excluded.version > existing.version""";

    private static final String ENROLMENT_FACTS = """
            update enrolment e set
                requested_on = least(e.requested_on, ?),
                started_on = case when ? then least(e.started_on, ?) else e.started_on end,
                ended_on = case when ? then least(e.ended_on, ?) else e.ended_on end,
                age_band = coalesce(e.age_band, (
                    select reporting_age_band(extract(year from least(e.requested_on, ?))::integer - p.birth_year)
                    from person p where p.generation = e.generation and p.participant = e.participant))
            where e.generation = ? and e.enrolment_id = ?""";

    private static final String TIME_STATEMENT = """
            insert into time_statement as existing (generation, enrolment_id, month, tenant_id, participant, revision,
                hours, paid_hours, confirmed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (generation, enrolment_id, month) do update set tenant_id = excluded.tenant_id,
                participant = excluded.participant, revision = excluded.revision, hours = excluded.hours,
                paid_hours = excluded.paid_hours, confirmed_at = excluded.confirmed_at
            where excluded.revision > existing.revision""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Set<String> tenantsRecorded = ConcurrentHashMap.newKeySet();

    JdbcReadModel(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(readOnly = true)
    public Generations generations() {
        return jdbc.queryForObject(
                "select current_generation, building_generation from read_model", JdbcReadModel::generationsOf);
    }

    @Override
    @Transactional
    public Generations generationsWhileApplying() {
        return jdbc.queryForObject(
                "select current_generation, building_generation from read_model for share",
                JdbcReadModel::generationsOf);
    }

    private static Generations generationsOf(ResultSet row, int number) throws SQLException {
        int current = row.getInt("current_generation");
        int building = row.getInt("building_generation");
        return new Generations(current, row.wasNull() ? OptionalInt.empty() : OptionalInt.of(building));
    }

    @Override
    @Transactional
    public int startBuilding(Instant now) {
        Generations generations = jdbc.queryForObject(
                "select current_generation, building_generation from read_model for update",
                JdbcReadModel::generationsOf);
        if (generations.building().isPresent()) {
            throw new IllegalStateException(
                    "Generation " + generations.building().getAsInt() + " is being built already");
        }
        int next = generations.next();
        jdbc.update(
                "update read_model set building_generation = ?, building_since = ?, rebuild_read = 0, rebuild_total = 0",
                next,
                Timestamp.from(now));
        return next;
    }

    @Override
    @Transactional
    public void abandon(int generation) {
        jdbc.update(
                "update read_model set building_generation = null, building_since = null where building_generation = ?",
                generation);
    }

    @Override
    @Transactional
    public void recordRebuildProgress(int generation, RebuildProgress progress) {
        jdbc.update(
                "update read_model set rebuild_read = ?, rebuild_total = ? where building_generation = ?",
                progress.read(),
                progress.total(),
                generation);
    }

    @Override
    @Transactional(readOnly = true)
    public RebuildProgress rebuildProgress() {
        return jdbc.queryForObject(
                "select rebuild_read, rebuild_total from read_model",
                (row, number) -> new RebuildProgress(row.getLong("rebuild_read"), row.getLong("rebuild_total")));
    }

    @Override
    @Transactional
    public void switchTo(int generation, Instant now) {
        int switched = jdbc.update("""
                update read_model set current_generation = building_generation, building_generation = null,
                    building_since = null, switched_at = ?
                where building_generation = ?""", Timestamp.from(now), generation);
        if (switched != 1) {
            throw new IllegalStateException("Generation " + generation + " is not being built");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Collection<String> tenants() {
        return jdbc.queryForList("select tenant from read_model_tenant order by tenant", String.class);
    }

    @Override
    public void deleteRetiredGenerations() {
        Set<TenantId> all = tenants().stream().map(TenantId::of).collect(Collectors.toSet());
        TenantContext.runAs(new TenantScope(all), this::deleteRetiredRowsInScope);
    }

    /**
     * Deletes a whole generation, which for a national read model is millions of rows: longer than the statement
     * timeout of the service's requests allows, so this transaction sets a longer one of its own.
     */
    private void deleteRetiredRowsInScope() {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local statement_timeout = '15min'");
            for (String table : TENANT_TABLES) {
                jdbc.update("delete from " + table + " t using read_model r where t.generation <> r.current_generation"
                        + " and t.generation is distinct from r.building_generation");
            }
            jdbc.update("""
                    delete from samlyft.processed_event e using read_model r
                    where e.consumer like 'read-model-g%'
                      and e.consumer <> 'read-model-g' || r.current_generation
                      and e.consumer is distinct from 'read-model-g' || r.building_generation""");
        });
    }

    /**
     * Records the tenant unless this instance has seen it recorded before: the list only grows, so a tenant once
     * committed stays, and the statement is spared for all but each tenant's first event.
     */
    @Override
    public void holdsRowsOf(String tenant) {
        if (!tenantsRecorded.contains(tenant)) {
            jdbc.update("insert into read_model_tenant (tenant) values (?) on conflict do nothing", tenant);
            Inbox.afterCommit(() -> tenantsRecorded.add(tenant));
        }
    }

    @Override
    public void organisation(int generation, OrganisationFacts organisation) {
        jdbc.update(
                ORGANISATION,
                generation,
                organisation.tenant(),
                organisation.version(),
                organisation.kind(),
                organisation.name(),
                organisation.organisationNumber(),
                organisation.employer().name(),
                organisation.municipalityCode());
    }

    @Override
    public void membership(int generation, FederationMembership membership) {
        if (jdbc.update(FEDERATION, generation, membership.federation(), membership.version()) == 0) {
            return;
        }
        jdbc.update(
                "delete from federation_member where generation = ? and tenant_id = ?",
                generation,
                membership.federation());
        for (FederationMembership.Member member : membership.consentedMembers()) {
            jdbc.update(
                    """
                    insert into federation_member (generation, tenant_id, member, joined_on, left_on)
                    values (?, ?, ?, ?, ?) on conflict do nothing""",
                    generation,
                    membership.federation(),
                    member.tenant(),
                    Date.valueOf(member.firstDay()),
                    member.leftOn() == null ? null : Date.valueOf(member.leftOn()));
        }
    }

    @Override
    public void programme(int generation, ProgrammeFacts programme) {
        jdbc.update(
                PROGRAMME,
                generation,
                programme.programmeId(),
                programme.owner(),
                programme.version(),
                programme.number(),
                programme.name(),
                programme.funder(),
                Date.valueOf(programme.startDate()),
                Date.valueOf(programme.endDate()),
                programme.plannedParticipants());
    }

    @Override
    public void person(int generation, UUID participant, PersonFacts person) {
        int written = jdbc.update(
                PERSON,
                generation,
                participant,
                person.organisation(),
                person.version(),
                person.personId(),
                person.workplaceId(),
                person.workplaceName(),
                person.occupation(),
                person.sex(),
                person.birthYear(),
                person.educationLevel());
        if (written > 0) {
            jdbc.update(AGE_BANDS_OF_PERSON, person.birthYear(), generation, participant);
        }
    }

    @Override
    public void personLeft(int generation, UUID participant, PersonLeft left) {
        jdbc.update(PERSON_LEFT, left.version(), Date.valueOf(left.leftOn()), generation, participant, left.version());
    }

    @Override
    public void personErased(int generation, UUID participant, PersonErased erased) {
        jdbc.update(
                PERSON_ERASED,
                generation,
                participant,
                erased.organisation(),
                erased.version(),
                Timestamp.from(erased.erasedAt()));
    }

    @Override
    public void enrolment(int generation, UUID participant, EnrolmentFacts enrolment, EnrolmentStep step) {
        Date day = Date.valueOf(enrolment.occurredOn());
        jdbc.update(
                ENROLMENT,
                generation,
                enrolment.enrolmentId(),
                enrolment.organisation(),
                enrolment.version(),
                participant,
                enrolment.offeringId(),
                enrolment.courseId(),
                enrolment.offeringOwner(),
                enrolment.programmeId(),
                enrolment.state(),
                day);
        jdbc.update(
                ENROLMENT_FACTS,
                day,
                step == EnrolmentStep.STARTED,
                day,
                step == EnrolmentStep.ENDED,
                day,
                day,
                generation,
                enrolment.enrolmentId());
    }

    @Override
    public void timeStatement(int generation, UUID participant, EnrolmentFacts enrolment, TimeStatement statement) {
        enrolment(generation, participant, enrolment, EnrolmentStep.OTHER);
        jdbc.update(
                TIME_STATEMENT,
                generation,
                enrolment.enrolmentId(),
                statement.month().toString(),
                enrolment.organisation(),
                participant,
                statement.revision(),
                statement.hours(),
                statement.paidWorkingTimeHours(),
                Timestamp.from(enrolment.occurredAt()));
    }

    @Override
    public void evaluation(int generation, EnrolmentFacts enrolment, Evaluation evaluation) {
        jdbc.update(
                "update enrolment set usefulness = ? where generation = ? and enrolment_id = ?",
                evaluation.usefulness(),
                generation,
                enrolment.enrolmentId());
    }
}
