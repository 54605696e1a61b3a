package se.samlyft.catalog.course.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.course.Course;
import se.samlyft.catalog.course.CourseContent;
import se.samlyft.catalog.course.CourseFormat;
import se.samlyft.catalog.course.CourseModule;
import se.samlyft.catalog.course.CourseSearch;
import se.samlyft.catalog.course.CourseStatus;
import se.samlyft.catalog.course.Courses;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * Courses in PostgreSQL: one row per course and one per module; row-level security limits every query to the
 * courses of the transaction's tenant scope and the published courses it may enrol in through a scheduled offering.
 * A listing shows only the scope's own courses; a search also those it may enrol in. The events a stored course
 * recorded are published to the application's listeners inside the same transaction, where the translator appends
 * them to the outbox.
 */
@Repository
@Transactional(readOnly = true)
class JdbcCourses implements Courses {

    /** The tenants of the transaction's scope, as the platform sets them. */
    private static final String SCOPE = "string_to_array(current_setting('samlyft.tenant_ids', true), ',')";

    private static final String COLUMNS = "id, tenant_id, title, description, themes, target_occupations, format,"
            + " formal, language, status, version";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    JdbcCourses(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<Course> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from course where id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .map(this::withModules);
    }

    @Override
    @Transactional
    public void add(Course course) {
        jdbc.sql("""
                        insert into course (id, tenant_id, title, description, themes, target_occupations, format,
                            formal, language, estimated_minutes, status, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(course.id(), course.owner().value())
                .params(stateOf(course))
                .update();
        insertModules(course);
        course.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public void update(Course course, long expectedVersion) {
        int updated = jdbc.sql("""
                        update course set title = ?, description = ?, themes = ?, target_occupations = ?, format = ?,
                            formal = ?, language = ?, estimated_minutes = ?, status = ?, version = ?, updated_at = now()
                        where id = ? and version = ?""")
                .params(stateOf(course))
                .params(course.id(), expectedVersion)
                .update();
        if (updated == 0) {
            throw new PreconditionFailed("The course has changed since version " + expectedVersion
                    + "; read it again and apply the change to the current version.");
        }
        jdbc.sql("delete from course_module where course_id = ?")
                .param(course.id())
                .update();
        insertModules(course);
        course.events().forEach(publisher::publishEvent);
    }

    @Override
    public Page<Course> list(boolean withUnpublished, int page, int size) {
        String where = " where tenant_id = any (" + SCOPE + ")" + (withUnpublished ? "" : " and status = 'PUBLISHED'");
        long total = jdbc.sql("select count(*) from course" + where)
                .query(Long.class)
                .single();
        List<StoredCourse> courses = jdbc.sql(
                        "select " + COLUMNS + " from course" + where + " order by title, id limit ? offset ?")
                .params(size, (long) page * size)
                .query(this::row)
                .list();
        return Page.of(withModules(courses), page, size, total);
    }

    @Override
    public Page<Course> search(CourseSearch search, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED'");
        String query = search.text().map(SwedishQuery::of).orElse("");
        if (!query.isEmpty()) {
            where.append(" and search_vector @@ to_tsquery('swedish', ?)");
            params.add(query);
        }
        search.theme().ifPresent(theme -> {
            where.append(" and ? = any (themes)");
            params.add(theme);
        });
        search.occupation().ifPresent(occupation -> {
            where.append(" and ? = any (target_occupations)");
            params.add(occupation);
        });
        search.format().ifPresent(format -> {
            where.append(" and format = ?");
            params.add(format.name());
        });
        if (search.filtersOfferings()) {
            where.append(" and exists (select 1 from offering o where o.course_id = course.id"
                    + " and o.status = 'SCHEDULED' and exists (select 1 from offering_audience a"
                    + " where a.offering_id = o.id and a.member = any (" + SCOPE + "))");
            search.municipality().ifPresent(code -> {
                where.append(" and o.municipality_code = ?");
                params.add(code);
            });
            search.from().ifPresent(from -> {
                where.append(" and o.starts_at >= ?::date::timestamp at time zone 'Europe/Stockholm'");
                params.add(from);
            });
            search.to().ifPresent(to -> {
                where.append(" and o.starts_at < (?::date + 1)::timestamp at time zone 'Europe/Stockholm'");
                params.add(to);
            });
            if (search.withFreeSeats()) {
                where.append(" and o.seats_taken < o.capacity");
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from course" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>();
        String select = "select " + COLUMNS + " from course";
        String order = " order by title, id";
        if (!query.isEmpty()) {
            select = "select " + COLUMNS + ", ts_rank(search_vector, to_tsquery('swedish', ?)) as rank from course";
            order = " order by rank desc, title, id";
            pageParams.add(query);
        }
        pageParams.addAll(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<StoredCourse> courses = jdbc.sql(select + where + order + " limit ? offset ?")
                .params(pageParams)
                .query(this::row)
                .list();
        return Page.of(withModules(courses), page, size, total);
    }

    private void insertModules(Course course) {
        List<CourseModule> modules = course.content().modules();
        for (int position = 0; position < modules.size(); position++) {
            CourseModule module = modules.get(position);
            jdbc.sql("""
                            insert into course_module (course_id, position, tenant_id, title, estimated_minutes)
                            values (?, ?, ?, ?, ?)""")
                    .params(course.id(), position, course.owner().value(), module.title(), module.estimatedMinutes())
                    .update();
        }
    }

    private Course withModules(StoredCourse stored) {
        return withModules(List.of(stored)).getFirst();
    }

    private List<Course> withModules(List<StoredCourse> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CourseModule>> modules = new LinkedHashMap<>();
        String[] ids = stored.stream().map(course -> course.id().toString()).toArray(String[]::new);
        jdbc.sql("select course_id, title, estimated_minutes from course_module where course_id = any (?::uuid[])"
                        + " order by course_id, position")
                .param(ids)
                .query(row -> {
                    modules.computeIfAbsent(row.getObject("course_id", UUID.class), id -> new ArrayList<>())
                            .add(new CourseModule(row.getString("title"), row.getInt("estimated_minutes")));
                });
        return stored.stream()
                .map(course -> course.toCourse(modules.getOrDefault(course.id(), List.of())))
                .toList();
    }

    private StoredCourse row(ResultSet row, int number) throws SQLException {
        return new StoredCourse(
                row.getObject("id", UUID.class),
                TenantId.of(row.getString("tenant_id")),
                row.getString("title"),
                row.getString("description"),
                strings(row.getArray("themes")),
                strings(row.getArray("target_occupations")),
                CourseFormat.valueOf(row.getString("format")),
                row.getBoolean("formal"),
                row.getString("language"),
                CourseStatus.valueOf(row.getString("status")),
                row.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** The columns from title to version, in that order. */
    private static Object[] stateOf(Course course) {
        CourseContent content = course.content();
        return new Object[] {
            content.title(),
            content.description(),
            content.themes().toArray(String[]::new),
            content.targetOccupations().toArray(String[]::new),
            content.format().name(),
            content.formal(),
            content.language(),
            content.modules().stream().mapToInt(CourseModule::estimatedMinutes).sum(),
            course.status().name(),
            course.version()
        };
    }

    /** A course row before its modules are read. */
    private record StoredCourse(
            UUID id,
            TenantId owner,
            String title,
            String description,
            List<String> themes,
            List<String> targetOccupations,
            CourseFormat format,
            boolean formal,
            String language,
            CourseStatus status,
            long version) {

        Course toCourse(List<CourseModule> modules) {
            return Course.restore(
                    id,
                    owner,
                    new CourseContent(title, description, themes, targetOccupations, format, modules, formal, language),
                    status,
                    version);
        }
    }
}
