package se.samlyft.enrolment.person;

/** Whether a person still works for their organisation, has left it, or was erased. */
public enum PersonStatus {
    ACTIVE,
    LEFT,
    ERASED
}
