package se.samlyft.enrolment.enrolment.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;

/**
 * An enrolment as the API shows it: its state and seat, the place on the waiting list while waiting, the hold while
 * awaiting approval, progress, and the evaluation once given.
 *
 * @param waitlistPosition the place on the offering's waiting list, counting every organisation, while waitlisted
 * @param percent the whole-number percentage of the course's modules done, when the course says how many it has
 */
record EnrolmentView(
        UUID id,
        String organisation,
        UUID offeringId,
        UUID courseId,
        UUID personId,
        String state,
        String requestedBy,
        @Nullable String seatSource,
        @Nullable Integer waitlistPosition,
        @Nullable Instant holdUntil,
        @Nullable String declineReason,
        boolean paused,
        int modulesCompleted,
        @Nullable String resumeAt,
        @Nullable Integer percent,
        @Nullable Integer usefulness,
        @Nullable String comment,
        long version) {

    static EnrolmentView of(Enrolment enrolment, @Nullable Integer waitlistPosition, @Nullable Integer percent) {
        Enrolment.Stored e = enrolment.stored();
        return new EnrolmentView(
                e.id(),
                e.organisation().value(),
                e.offeringId(),
                e.courseId(),
                e.personId(),
                e.state().name(),
                e.requestedBy().name(),
                e.seat() == null ? null : e.seat().name(),
                waitlistPosition,
                e.holdUntil(),
                e.declineReason(),
                e.paused(),
                e.modulesCompleted(),
                e.resumeAt(),
                percent,
                e.usefulness(),
                e.comment(),
                e.version());
    }
}
