package se.samlyft.enrolment.enrolment;

/** Where a seat came from: the quota of the person's organisation, or the shared pool. */
public enum SeatSource {
    QUOTA,
    POOL
}
