package se.samlyft.enrolment.offering.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.platform.inbox.VersionedUpsert;
import se.samlyft.platform.tenancy.TenantId;

/** The course copies in PostgreSQL; a course is read by its owner and by those who may read one of its offerings. */
@Repository
@Transactional(readOnly = true)
class JdbcCourses implements Courses {

    private static final VersionedUpsert UPSERT =
            VersionedUpsert.into("course", "id", "version", "tenant_id", "format", "module_count");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcCourses(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<Course> find(UUID id) {
        return jdbc.sql("select id, tenant_id, format, module_count, version from course where id = ?")
                .param(id)
                .query((row, number) -> new Course(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getString("format") == null ? null : CourseFormat.valueOf(row.getString("format")),
                        row.getObject("module_count", Integer.class),
                        row.getLong("version")))
                .optional();
    }

    @Override
    @Transactional
    public boolean save(Course course) {
        return UPSERT.apply(
                template,
                course.id(),
                course.version(),
                course.owner().value(),
                course.format() == null ? null : course.format().name(),
                course.moduleCount());
    }
}
