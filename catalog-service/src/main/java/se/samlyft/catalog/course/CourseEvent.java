package se.samlyft.catalog.course;

import java.time.Instant;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What happened to a course, as the course records it; the service's translator turns these into integration
 * events. Each carries the course's version after the change and its content at that version.
 */
public sealed interface CourseEvent {

    UUID courseId();

    TenantId owner();

    long version();

    CourseContent content();

    Instant at();

    /** The course was published: people may now find it and offerings of it may be scheduled. */
    record Published(UUID courseId, TenantId owner, long version, CourseContent content, Instant at)
            implements CourseEvent {}

    /** A published course was revised. */
    record Changed(UUID courseId, TenantId owner, long version, CourseContent content, Instant at)
            implements CourseEvent {}

    /** The course was archived: no new offerings of it. */
    record Archived(UUID courseId, TenantId owner, long version, CourseContent content, Instant at)
            implements CourseEvent {}
}
