package se.samlyft.catalog.programme.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.programme.Funder;
import se.samlyft.catalog.programme.FunderCodes;
import se.samlyft.catalog.programme.Programme;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.catalog.programme.Programmes;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * Programmes in PostgreSQL, one row each, held by row-level security. The events a stored programme recorded are
 * published to the application's listeners inside the same transaction.
 */
@Repository
@Transactional(readOnly = true)
class JdbcProgrammes implements Programmes {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    JdbcProgrammes(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<Programme> find(UUID id) {
        return jdbc.sql("""
                        select id, tenant_id, number, name, funder, region, start_date, end_date, total_budget_sek,
                            grant_sek, co_financing_rate, planned_participants, programme_area, specific_objective,
                            intervention_type, partners, version
                        from programme where id = ?""").param(id).query(JdbcProgrammes::row).optional();
    }

    @Override
    public Page<Programme> list(
            @Nullable TenantId owner, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
        String matching = " " + """
                 where (cast(:owner as text) is null or tenant_id = :owner)
                   and (cast(:from as date) is null or end_date >= :from)
                   and (cast(:to as date) is null or start_date <= :to)""";
        String ownerValue = owner == null ? null : owner.value();
        long total = jdbc.sql("select count(*) from programme " + matching)
                .param("owner", ownerValue)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        List<Programme> items = jdbc.sql(
                        """
                        select id, tenant_id, number, name, funder, region, start_date, end_date, total_budget_sek,
                            grant_sek, co_financing_rate, planned_participants, programme_area, specific_objective,
                            intervention_type, partners, version
                        from programme """ + matching + " order by start_date desc, number, id limit :size offset :offset")
                .param("owner", ownerValue)
                .param("from", from)
                .param("to", to)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(JdbcProgrammes::row)
                .list();
        return Page.of(items, page, size, total);
    }

    @Override
    public List<UUID> offeringsOutside(UUID programmeId, LocalDate start, LocalDate end) {
        return jdbc.sql("select catalog_programme_offerings_outside(?, ?, ?)")
                .params(programmeId, start, end)
                .query(UUID.class)
                .list();
    }

    @Override
    @Transactional
    public void add(Programme programme) {
        ProgrammeTerms terms = programme.terms();
        jdbc.sql("""
                        insert into programme (number, name, funder, region, start_date, end_date, total_budget_sek,
                            grant_sek, co_financing_rate, planned_participants, programme_area, specific_objective,
                            intervention_type, partners, version, id, tenant_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(termsOf(terms))
                .params(programme.version(), programme.id(), programme.owner().value())
                .update();
        programme.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public void update(Programme programme, long expectedVersion) {
        int updated = jdbc.sql("""
                        update programme set number = ?, name = ?, funder = ?, region = ?, start_date = ?,
                            end_date = ?, total_budget_sek = ?, grant_sek = ?, co_financing_rate = ?,
                            planned_participants = ?, programme_area = ?, specific_objective = ?,
                            intervention_type = ?, partners = ?, version = ?, updated_at = now()
                        where id = ? and version = ?""")
                .params(termsOf(programme.terms()))
                .params(programme.version(), programme.id(), expectedVersion)
                .update();
        if (updated == 0) {
            throw new PreconditionFailed("The programme has changed since version " + expectedVersion
                    + "; read it again and apply the change to the current version.");
        }
        programme.events().forEach(publisher::publishEvent);
    }

    private static Object[] termsOf(ProgrammeTerms terms) {
        FunderCodes codes = terms.codes();
        return new Object[] {
            terms.number(),
            terms.name(),
            terms.funder().name(),
            terms.region(),
            terms.start(),
            terms.end(),
            terms.totalBudgetSek(),
            terms.grantSek(),
            terms.coFinancingRatePercent(),
            terms.plannedParticipants(),
            codes.programmeArea(),
            codes.specificObjective(),
            codes.interventionType(),
            terms.partners().stream().map(TenantId::value).toArray(String[]::new)
        };
    }

    private static List<TenantId> partnersOf(ResultSet row) throws SQLException {
        Array partners = row.getArray("partners");
        return partners == null
                ? List.of()
                : Arrays.stream((String[]) partners.getArray())
                        .map(TenantId::of)
                        .toList();
    }

    private static Programme row(ResultSet row, int number) throws SQLException {
        ProgrammeTerms terms = new ProgrammeTerms(
                row.getString("number"),
                row.getString("name"),
                Funder.valueOf(row.getString("funder")),
                row.getString("region"),
                row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class),
                row.getLong("total_budget_sek"),
                row.getLong("grant_sek"),
                row.getBigDecimal("co_financing_rate"),
                row.getInt("planned_participants"),
                new FunderCodes(
                        row.getString("programme_area"),
                        row.getString("specific_objective"),
                        row.getString("intervention_type")),
                partnersOf(row));
        return Programme.restore(
                row.getObject("id", UUID.class),
                TenantId.of(row.getString("tenant_id")),
                terms,
                row.getLong("version"));
    }
}
