package se.samlyft.reporting.projection;

/** What an enrolment event tells beyond the new state: that the enrolment started, or ended, or neither. */
public enum EnrolmentStep {
    OTHER,
    STARTED,
    ENDED
}
