package se.samlyft.enrolment.enrolment;

import org.jspecify.annotations.Nullable;

/**
 * An {@link Enrolment} as it is stored and shown: the request, and where it is now.
 *
 * @param seat the seat it holds, and until when while awaiting approval
 * @param declineReason why it was declined, once declined
 * @param evaluation the participant's evaluation, once given
 */
public record StoredEnrolment(
        SeatRequest request,
        EnrolmentState state,
        @Nullable SeatHold seat,
        @Nullable String declineReason,
        boolean paused,
        Progress progress,
        @Nullable Evaluation evaluation,
        long version) {}
