package se.samlyft.catalog.offering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.offering.AudienceKind;
import se.samlyft.catalog.offering.Location;
import se.samlyft.catalog.offering.Offering;
import se.samlyft.catalog.offering.OfferingStatus;
import se.samlyft.catalog.offering.OfferingTerms;
import se.samlyft.catalog.offering.Offerings;
import se.samlyft.catalog.offering.Quota;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * Offerings in PostgreSQL: one row each, with their audience and quotas in rows of their own, all held by row-level
 * security. The events a stored offering recorded are published to the application's listeners in the same
 * transaction.
 */
@Repository
@Transactional(readOnly = true)
class JdbcOfferings implements Offerings {

    private static final String COLUMNS = """
            select o.id, o.tenant_id, o.course_id, o.programme_id, o.enrolment_opens_at, o.enrolment_closes_at,
                o.starts_at, o.ends_at, o.online, o.municipality_code, o.venue, o.capacity, o.approval_required,
                o.paid_working_time, o.audience, o.quota_release_at, o.status, o.version, o.seats_taken
            from offering o""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    JdbcOfferings(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<Offering> find(UUID id) {
        return jdbc.sql(COLUMNS + " where o.id = ?")
                .param(id)
                .query(Row::of)
                .optional()
                .map(this::restore);
    }

    @Override
    @Transactional
    public void add(Offering offering) {
        jdbc.sql("""
                        insert into offering (course_id, enrolment_opens_at, enrolment_closes_at, starts_at, ends_at,
                            online, municipality_code, venue, capacity, approval_required, paid_working_time,
                            programme_id, audience, quota_release_at, status, version, id, tenant_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(offering.courseId())
                .params(termsOf(offering))
                .params(offering.id(), offering.owner().value())
                .update();
        insertParts(offering);
        offering.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public void update(Offering offering, long expectedVersion) {
        int updated = jdbc.sql("""
                        update offering set enrolment_opens_at = ?, enrolment_closes_at = ?, starts_at = ?,
                            ends_at = ?, online = ?, municipality_code = ?, venue = ?, capacity = ?,
                            approval_required = ?, paid_working_time = ?, programme_id = ?, audience = ?,
                            quota_release_at = ?, status = ?, version = ?, updated_at = now()
                        where id = ? and tenant_id = ? and version = ?""")
                .params(termsOf(offering))
                .params(offering.id(), offering.owner().value(), expectedVersion)
                .update();
        if (updated == 0) {
            throw new PreconditionFailed("The offering has changed since version " + expectedVersion
                    + "; read it again and apply the change to the current version.");
        }
        jdbc.sql("delete from offering_audience where offering_id = ?")
                .param(offering.id())
                .update();
        jdbc.sql("delete from offering_quota where offering_id = ?")
                .param(offering.id())
                .update();
        insertParts(offering);
        offering.events().forEach(publisher::publishEvent);
    }

    @Override
    public Page<Offering> list(TenantId tenant, boolean withOwn, @Nullable UUID courseId, int page, int size) {
        String visible = """
                 where ((? and o.tenant_id = ?)
                    or exists (select 1 from offering_audience a where a.offering_id = o.id and a.member = ?))
                   and (?::uuid is null or o.course_id = ?)
                """;
        long total = jdbc.sql("select count(*) from offering o " + visible)
                .params(withOwn, tenant.value(), tenant.value(), courseId, courseId)
                .query(Long.class)
                .single();
        List<Offering> items = jdbc
                .sql(COLUMNS + " " + visible + " order by o.starts_at, o.id limit ? offset ?")
                .params(withOwn, tenant.value(), tenant.value(), courseId, courseId, size, (long) page * size)
                .query(Row::of)
                .list()
                .stream()
                .map(this::restore)
                .toList();
        return Page.of(items, page, size, total);
    }

    @Override
    public List<Offering> runningForAllMembersOf(TenantId federation) {
        return jdbc.sql(COLUMNS + """
                         where o.tenant_id = ? and o.audience = 'FEDERATION_MEMBERS' and o.status = 'SCHEDULED'
                           and o.ends_at > now()
                        order by o.starts_at, o.id""").param(federation.value()).query(Row::of).list().stream()
                .map(this::restore)
                .toList();
    }

    private void insertParts(Offering offering) {
        for (TenantId member : offering.audienceTenants()) {
            jdbc.sql("insert into offering_audience (offering_id, tenant_id, member) values (?, ?, ?)")
                    .params(offering.id(), offering.owner().value(), member.value())
                    .update();
        }
        for (Quota quota : offering.terms().quotas()) {
            jdbc.sql("insert into offering_quota (offering_id, tenant_id, member, seats) values (?, ?, ?, ?)")
                    .params(
                            offering.id(),
                            offering.owner().value(),
                            quota.member().value(),
                            quota.seats())
                    .update();
        }
    }

    private static Object[] termsOf(Offering offering) {
        OfferingTerms terms = offering.terms();
        Location location = terms.location();
        return new Object[] {
            utc(terms.enrolmentOpensAt()),
            utc(terms.enrolmentClosesAt()),
            utc(terms.startsAt()),
            utc(terms.endsAt()),
            location.online(),
            location.municipalityCode(),
            location.venue(),
            terms.capacity(),
            terms.approvalRequired(),
            terms.paidWorkingTime(),
            terms.programmeId(),
            terms.audience().name(),
            terms.quotaReleaseAt() == null ? null : utc(terms.quotaReleaseAt()),
            offering.status().name(),
            offering.version()
        };
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.from(instant);
    }

    private Offering restore(Row row) {
        List<String> members = jdbc.sql("select member from offering_audience where offering_id = ? order by member")
                .param(row.id())
                .query(String.class)
                .list();
        Map<String, Integer> seats = jdbc
                .sql("select member, seats from offering_quota where offering_id = ?")
                .param(row.id())
                .query((quota, number) -> Map.entry(quota.getString("member"), quota.getInt("seats")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<TenantId> audience = members.stream().map(TenantId::of).toList();
        List<Quota> quotas = seats.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(quota -> new Quota(TenantId.of(quota.getKey()), quota.getValue()))
                .toList();
        OfferingTerms terms = new OfferingTerms(
                row.enrolmentOpensAt(),
                row.enrolmentClosesAt(),
                row.startsAt(),
                row.endsAt(),
                new Location(row.online(), row.municipalityCode(), row.venue()),
                row.capacity(),
                row.approvalRequired(),
                row.paidWorkingTime(),
                row.programmeId(),
                row.audience(),
                row.audience() == AudienceKind.NAMED ? audience : List.of(),
                quotas,
                row.quotaReleaseAt());
        return Offering.restore(
                row.id(), row.courseId(), row.owner(), terms, audience, row.status(), row.version(), row.seatsTaken());
    }

    private record Row(
            UUID id,
            TenantId owner,
            UUID courseId,
            @Nullable UUID programmeId,
            Instant enrolmentOpensAt,
            Instant enrolmentClosesAt,
            Instant startsAt,
            Instant endsAt,
            boolean online,
            @Nullable String municipalityCode,
            @Nullable String venue,
            int capacity,
            boolean approvalRequired,
            boolean paidWorkingTime,
            AudienceKind audience,
            @Nullable Instant quotaReleaseAt,
            OfferingStatus status,
            long version,
            int seatsTaken) {

        static Row of(ResultSet row, int number) throws SQLException {
            return new Row(
                    row.getObject("id", UUID.class),
                    TenantId.of(row.getString("tenant_id")),
                    row.getObject("course_id", UUID.class),
                    row.getObject("programme_id", UUID.class),
                    instant(row, "enrolment_opens_at"),
                    instant(row, "enrolment_closes_at"),
                    instant(row, "starts_at"),
                    instant(row, "ends_at"),
                    row.getBoolean("online"),
                    row.getString("municipality_code"),
                    row.getString("venue"),
                    row.getInt("capacity"),
                    row.getBoolean("approval_required"),
                    row.getBoolean("paid_working_time"),
                    AudienceKind.valueOf(row.getString("audience")),
                    row.getTimestamp("quota_release_at") == null ? null : instant(row, "quota_release_at"),
                    OfferingStatus.valueOf(row.getString("status")),
                    row.getLong("version"),
                    row.getInt("seats_taken"));
        }

        private static Instant instant(ResultSet row, String column) throws SQLException {
            return row.getTimestamp(column).toInstant();
        }
    }
}
