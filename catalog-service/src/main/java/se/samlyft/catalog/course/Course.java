package se.samlyft.catalog.course;

import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** A course an organisation offers its staff, as the catalog lists it. */
public record Course(UUID id, TenantId owner, String title, CourseStatus status) {

    public Course {
        if (title.isBlank()) {
            throw new IllegalArgumentException("A course needs a title");
        }
    }
}
