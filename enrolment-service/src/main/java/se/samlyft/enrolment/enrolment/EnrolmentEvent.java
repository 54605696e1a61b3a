package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/** What happened to an enrolment, with the facts every event carries as they are after the change. */
public sealed interface EnrolmentEvent {

    Facts facts();

    /** The enrolment as an event shows it: ids, organisations, version after the change, state and time. */
    record Facts(
            UUID enrolmentId,
            long version,
            UUID personId,
            TenantId organisation,
            UUID offeringId,
            UUID courseId,
            TenantId offeringOwner,
            @Nullable UUID programmeId,
            EnrolmentState state,
            Instant at) {}

    record Requested(Facts facts, RequestedBy requestedBy) implements EnrolmentEvent {}

    record AwaitingApproval(Facts facts, @Nullable UUID managerId, Instant holdUntil) implements EnrolmentEvent {}

    record Confirmed(Facts facts, SeatSource seatSource) implements EnrolmentEvent {}

    record Waitlisted(Facts facts, int position) implements EnrolmentEvent {}

    record Declined(Facts facts, String reason) implements EnrolmentEvent {}

    record Withdrawn(Facts facts) implements EnrolmentEvent {}

    record Cancelled(Facts facts) implements EnrolmentEvent {}

    record Started(Facts facts) implements EnrolmentEvent {}

    record Paused(Facts facts) implements EnrolmentEvent {}

    record Resumed(Facts facts) implements EnrolmentEvent {}

    record Completed(Facts facts) implements EnrolmentEvent {}

    record NoShow(Facts facts) implements EnrolmentEvent {}

    record ProgressRecorded(Facts facts, int modulesCompleted, int moduleCount, int percent, int milestone)
            implements EnrolmentEvent {}

    record TimeStatementConfirmed(Facts facts, TimeStatement statement) implements EnrolmentEvent {}

    record EvaluationSubmitted(Facts facts, int usefulness, boolean commented) implements EnrolmentEvent {}
}
