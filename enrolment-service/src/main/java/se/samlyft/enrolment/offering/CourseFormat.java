package se.samlyft.enrolment.offering;

/** How a course is taught, as the catalog names it; only a self-paced digital course completes by its modules. */
public enum CourseFormat {
    SELF_PACED_DIGITAL,
    LIVE_ONLINE,
    CLASSROOM,
    WORKPLACE_BASED,
    BLENDED;

    public boolean selfPaced() {
        return this == SELF_PACED_DIGITAL;
    }
}
