package se.samlyft.catalog.course.persistence;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.course.Course;
import se.samlyft.catalog.course.CourseStatus;
import se.samlyft.catalog.course.Courses;
import se.samlyft.platform.tenancy.TenantId;

/** Courses in PostgreSQL; row-level security limits every query to the transaction's tenant scope. */
@Repository
@Transactional(readOnly = true)
class JdbcCourses implements Courses {

    private final JdbcClient jdbc;

    JdbcCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Course> visibleCourses() {
        return jdbc.sql("select id, tenant_id, title, status from course order by title, id")
                .query((row, number) -> new Course(
                        row.getObject("id", java.util.UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getString("title"),
                        CourseStatus.valueOf(row.getString("status"))))
                .list();
    }
}
