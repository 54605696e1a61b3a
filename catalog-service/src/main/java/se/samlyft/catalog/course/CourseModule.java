package se.samlyft.catalog.course;

import se.samlyft.platform.problem.InvalidInput;

/** One part of a course, in the order the course lists it, with the minutes it is expected to take. */
public record CourseModule(String title, int estimatedMinutes) {

    /** The longest a single module may be estimated to take: a working week. */
    public static final int MAX_MINUTES = 40 * 60;

    public CourseModule {
        if (title == null || title.isBlank()) {
            throw new InvalidInput("modules.title", "must not be blank");
        }
        if (estimatedMinutes < 1 || estimatedMinutes > MAX_MINUTES) {
            throw new InvalidInput("modules.estimatedMinutes", "must be between 1 and " + MAX_MINUTES);
        }
        title = title.strip();
    }
}
