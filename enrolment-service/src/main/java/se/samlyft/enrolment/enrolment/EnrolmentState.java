package se.samlyft.enrolment.enrolment;

/** Where an enrolment is, from the request to its end. */
public enum EnrolmentState {
    REQUESTED,
    AWAITING_APPROVAL,
    CONFIRMED,
    WAITLISTED,
    IN_PROGRESS,
    COMPLETED,
    WITHDRAWN,
    DECLINED,
    CANCELLED,
    NO_SHOW
}
