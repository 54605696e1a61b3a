package se.samlyft.enrolment.offering.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.platform.inbox.VersionedUpsert;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offering copies in PostgreSQL, one row each with its quotas as a JSON object and its audience as an array;
 * row-level security shows a row to its owner and to the organisations of its audience.
 */
@Repository
@Transactional(readOnly = true)
class JdbcOfferings implements Offerings {

    static final String COLUMNS = """
            select id, tenant_id, course_id, programme_id, enrolment_opens_at, enrolment_closes_at, starts_at, ends_at,
                capacity, pool, quotas, quota_release_at, audience, approval_required, paid_working_time, cancelled,
                version
            from offering""";

    private static final VersionedUpsert UPSERT = VersionedUpsert.into(
            "offering",
            "id",
            "version",
            "tenant_id",
            "course_id",
            "programme_id",
            "enrolment_opens_at",
            "enrolment_closes_at",
            "starts_at",
            "ends_at",
            "capacity",
            "pool",
            "quotas",
            "quota_release_at",
            "audience",
            "approval_required",
            "paid_working_time",
            "cancelled");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcOfferings(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<Offering> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(JdbcOfferings::map)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Offering> lock(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? for update")
                .param(id)
                .query(JdbcOfferings::map)
                .optional();
    }

    @Override
    @Transactional
    public boolean save(Offering offering) {
        ObjectNode quotas = JSON.createObjectNode();
        offering.quotas().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((left, right) -> left.value().compareTo(right.value())))
                .forEach(quota -> quotas.put(quota.getKey().value(), quota.getValue()));
        return UPSERT.apply(
                template,
                offering.id(),
                offering.version(),
                offering.owner().value(),
                offering.courseId(),
                offering.programmeId(),
                utc(offering.enrolmentOpensAt()),
                utc(offering.enrolmentClosesAt()),
                utc(offering.startsAt()),
                utc(offering.endsAt()),
                offering.capacity(),
                offering.pool(),
                quotas.toString(),
                offering.quotaReleaseAt() == null ? null : utc(offering.quotaReleaseAt()),
                offering.audience().stream().map(TenantId::value).toArray(String[]::new),
                offering.approvalRequired(),
                offering.paidWorkingTime(),
                offering.cancelled());
    }

    @Override
    @Transactional
    public boolean cancel(UUID id, long version, Instant at) {
        return jdbc.sql("""
                        update offering set cancelled = true, version = ?, updated_at = ?
                        where id = ? and version < ?""").params(version, utc(at), id, version).update() > 0;
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.from(instant);
    }

    /** Reads one row of {@link #COLUMNS}. */
    static Offering map(ResultSet row, int number) throws SQLException {
        Map<TenantId, Integer> quotas = new LinkedHashMap<>();
        JsonNode stored = JSON.readTree(row.getString("quotas"));
        stored.properties()
                .forEach(quota ->
                        quotas.put(TenantId.of(quota.getKey()), quota.getValue().asInt()));
        return new Offering(
                row.getObject("id", UUID.class),
                row.getObject("course_id", UUID.class),
                TenantId.of(row.getString("tenant_id")),
                row.getObject("programme_id", UUID.class),
                instant(row, "enrolment_opens_at"),
                instant(row, "enrolment_closes_at"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.getInt("capacity"),
                quotas,
                row.getInt("pool"),
                row.getTimestamp("quota_release_at") == null ? null : instant(row, "quota_release_at"),
                tenants(row.getArray("audience")),
                row.getBoolean("approval_required"),
                row.getBoolean("paid_working_time"),
                row.getBoolean("cancelled"),
                row.getLong("version"));
    }

    private static List<TenantId> tenants(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(TenantId::of).toList();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
