package se.samlyft.catalog.course;

/** Where a course is in its life: drafted by its owner, published for enrolment, or archived. */
public enum CourseStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
