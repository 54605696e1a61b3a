package se.samlyft.catalog.course;

import java.util.Optional;
import java.util.UUID;
import se.samlyft.platform.web.Page;

/**
 * The courses of the current tenant scope. Storing a course also hands the events it recorded to the catalog's
 * publisher, in the same transaction.
 */
public interface Courses {

    Optional<Course> find(UUID id);

    /** Stores a new course. */
    void add(Course course);

    /**
     * Stores a changed course whose stored version is {@code expectedVersion}; refuses with
     * {@link se.samlyft.platform.problem.PreconditionFailed} when another change came first.
     */
    void update(Course course, long expectedVersion);

    /** A page of the visible courses by title: published ones, and drafts and archived ones too if asked. */
    Page<Course> list(boolean withUnpublished, int page, int size);

    /** A page of published courses matching the search, best match first. */
    Page<Course> search(CourseSearch search, int page, int size);
}
