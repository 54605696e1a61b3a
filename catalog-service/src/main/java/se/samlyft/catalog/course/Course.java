package se.samlyft.catalog.course;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A course an organisation offers: drafted by its owner, published for people to find and enrol in, archived when
 * no longer given. Every change raises the version by one; the changes of a published course are recorded as
 * {@link CourseEvent}s for the catalog's integration events.
 */
public final class Course {

    private final UUID id;
    private final TenantId owner;
    private CourseContent content;
    private CourseStatus status;
    private long version;
    private final List<CourseEvent> events = new ArrayList<>();

    private Course(UUID id, TenantId owner, CourseContent content, CourseStatus status, long version) {
        this.id = id;
        this.owner = owner;
        this.content = content;
        this.status = status;
        this.version = version;
    }

    /** A new draft, at version 1. */
    public static Course draft(UUID id, TenantId owner, CourseContent content) {
        return new Course(id, owner, content, CourseStatus.DRAFT, 1);
    }

    /** A course as it was stored, without recorded events. */
    public static Course restore(UUID id, TenantId owner, CourseContent content, CourseStatus status, long version) {
        return new Course(id, owner, content, status, version);
    }

    /** Replaces the content; an archived course cannot be changed. */
    public void revise(CourseContent revised, Instant at) {
        if (status == CourseStatus.ARCHIVED) {
            throw new Conflict("The course \"" + content.title() + "\" is archived and can no longer be changed.");
        }
        content = revised;
        version++;
        if (status == CourseStatus.PUBLISHED) {
            events.add(new CourseEvent.Changed(id, owner, version, content, at));
        }
    }

    /** Publishes a draft. */
    public void publish(Instant at) {
        if (status != CourseStatus.DRAFT) {
            throw new Conflict("Only a draft can be published; the course \"" + content.title() + "\" is "
                    + status.name().toLowerCase(Locale.ROOT) + ".");
        }
        status = CourseStatus.PUBLISHED;
        version++;
        events.add(new CourseEvent.Published(id, owner, version, content, at));
    }

    /** Archives a draft or a published course; an archived course stays archived. */
    public void archive(Instant at) {
        if (status == CourseStatus.ARCHIVED) {
            throw new Conflict("The course \"" + content.title() + "\" is archived already.");
        }
        boolean wasPublished = status == CourseStatus.PUBLISHED;
        status = CourseStatus.ARCHIVED;
        version++;
        if (wasPublished) {
            events.add(new CourseEvent.Archived(id, owner, version, content, at));
        }
    }

    /** The events recorded since the course was drafted or restored, oldest first. */
    public List<CourseEvent> events() {
        return List.copyOf(events);
    }

    public UUID id() {
        return id;
    }

    public TenantId owner() {
        return owner;
    }

    public CourseContent content() {
        return content;
    }

    public CourseStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}
