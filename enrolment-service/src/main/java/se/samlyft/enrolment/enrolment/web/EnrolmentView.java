package se.samlyft.enrolment.enrolment.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Evaluation;
import se.samlyft.enrolment.enrolment.SeatRequest;
import se.samlyft.enrolment.enrolment.StoredEnrolment;
import se.samlyft.enrolment.enrolment.application.EnrolmentDetails;

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

    static EnrolmentView of(EnrolmentDetails details) {
        StoredEnrolment e = details.enrolment().stored();
        SeatRequest request = e.request();
        Evaluation evaluation = e.evaluation();
        return new EnrolmentView(
                request.id().value(),
                request.organisation().value(),
                request.offeringId().value(),
                request.courseId(),
                request.personId().value(),
                e.state().name(),
                request.requestedBy().name(),
                e.seat() == null ? null : e.seat().source().name(),
                details.waitlistPosition(),
                e.seat() == null ? null : e.seat().until(),
                e.declineReason(),
                e.paused(),
                e.progress().modulesCompleted(),
                e.progress().resumeAt(),
                details.percent(),
                evaluation == null ? null : evaluation.usefulness(),
                evaluation == null ? null : evaluation.comment(),
                e.version());
    }
}
