package se.samlyft.enrolment.offering;

import java.util.Optional;
import java.util.UUID;

/** The course copies the current tenant scope may read: its own and those of offerings it may read. */
public interface Courses {

    Optional<Course> find(UUID id);

    /** Stores the course unless the stored copy is of the same or a newer version; whether it was stored. */
    boolean save(Course course);
}
