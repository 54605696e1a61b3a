package se.samlyft.enrolment.enrolment;

/** Who asked for the seat: the person, or a coordinator of their organisation. */
public enum RequestedBy {
    SELF,
    COORDINATOR
}
