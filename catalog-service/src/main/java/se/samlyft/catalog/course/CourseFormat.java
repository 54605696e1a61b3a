package se.samlyft.catalog.course;

/** How a course is taught. */
public enum CourseFormat {
    SELF_PACED_DIGITAL,
    LIVE_ONLINE,
    CLASSROOM,
    WORKPLACE_BASED,
    BLENDED
}
