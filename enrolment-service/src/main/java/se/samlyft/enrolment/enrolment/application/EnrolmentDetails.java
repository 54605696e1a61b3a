package se.samlyft.enrolment.enrolment.application;

import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;

/**
 * An enrolment with what is shown beside it: its place on the waiting list while waitlisted (counting every
 * organisation), and the whole-number percentage of the course's modules done when the course says how many it has.
 */
public record EnrolmentDetails(
        Enrolment enrolment,
        @Nullable Integer waitlistPosition,
        @Nullable Integer percent) {}
