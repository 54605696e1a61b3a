package se.samlyft.bench.enrolments;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What enrolment-service knows of offerings, courses and people (its local copies, built from the catalog's and
 * identity's events), read once to plan the history. Read as the database's owner, which row-level security does not
 * hold, because planning needs every tenant's copies at once; every write goes through the service as its app role.
 *
 * @param offerings the offerings not cancelled, by id
 * @param courses the courses, by id
 * @param people the active people of each organisation, by id
 */
record Inventory(List<Offering> offerings, Map<UUID, Course> courses, Map<TenantId, List<Person>> people) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Inventory read(DataSource owner) {
        JdbcClient jdbc = JdbcClient.create(owner);
        List<Offering> offerings = jdbc.sql("""
                        select id, tenant_id, course_id, programme_id, enrolment_opens_at, enrolment_closes_at,
                            starts_at, ends_at, capacity, pool, quotas, quota_release_at, audience, approval_required,
                            paid_working_time, cancelled, version
                        from offering where not cancelled order by id""").query(Inventory::offering).list();
        Map<UUID, Course> courses = new HashMap<>();
        jdbc.sql("select id, tenant_id, format, module_count, version from course")
                .query((row, number) -> {
                    String format = row.getString("format");
                    return new Course(
                            row.getObject("id", UUID.class),
                            TenantId.of(row.getString("tenant_id")),
                            format == null ? null : CourseFormat.valueOf(format),
                            row.getObject("module_count", Integer.class),
                            row.getLong("version"));
                })
                .list()
                .forEach(course -> courses.put(course.id(), course));
        Map<TenantId, List<Person>> people = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, tenant_id, workplace_id, manager_id, status, version from person
                        where status = 'ACTIVE' order by tenant_id, id""")
                .query((row, number) -> new Person(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getString("workplace_id"),
                        row.getObject("manager_id", UUID.class),
                        PersonStatus.valueOf(row.getString("status")),
                        row.getLong("version")))
                .list()
                .forEach(person -> people.computeIfAbsent(person.organisation(), tenant -> new ArrayList<>())
                        .add(person));
        return new Inventory(offerings, courses, people);
    }

    /** The course of {@code offering}, or an unknown one when its course event has not arrived. */
    Course courseOf(Offering offering) {
        Course course = courses.get(offering.courseId());
        return course == null ? Course.unknown(offering.courseId(), offering.owner()) : course;
    }

    /** The active people of the organisations in the offering's audience. */
    List<Person> audienceOf(Offering offering) {
        List<Person> audience = new ArrayList<>();
        offering.audience().stream()
                .sorted((left, right) -> left.value().compareTo(right.value()))
                .forEach(tenant -> audience.addAll(people.getOrDefault(tenant, List.of())));
        return audience;
    }

    private static Offering offering(ResultSet row, int number) throws SQLException {
        Map<TenantId, Integer> quotas = new HashMap<>();
        JsonNode json = JSON.readTree(row.getString("quotas"));
        json.properties()
                .forEach(quota ->
                        quotas.put(TenantId.of(quota.getKey()), quota.getValue().asInt()));
        Array audience = row.getArray("audience");
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
                nullableInstant(row, "quota_release_at"),
                Arrays.stream((String[]) audience.getArray()).map(TenantId::of).toList(),
                row.getBoolean("approval_required"),
                row.getBoolean("paid_working_time"),
                row.getBoolean("cancelled"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Instant instant = nullableInstant(row, column);
        if (instant == null) {
            throw new IllegalStateException("The offering's " + column + " is empty");
        }
        return instant;
    }

    private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
