package se.samlyft.enrolment.enrolment.messaging;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samlyft.enrolment.enrolment.EnrolmentEvent;
import se.samlyft.platform.outbox.Outbox;
import se.samlyft.platform.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates the enrolments' domain events into the published enrolment events and appends them to the outbox in the
 * transaction that stored the change. Each carries the person's organisation, the offering, its course, owner and
 * programme, so that a report needs nothing else; never a name, and never the evaluation's comment.
 */
@Component
class EnrolmentEventTranslator {

    /** The enrolment topic; the record key is the enrolment's id. */
    static final String TOPIC = "samlyft.enrolment.events";

    private static final String PREFIX = "se.samlyft.enrolment.";

    private final Outbox outbox;
    private final JsonMapper json = JsonMapper.builder().build();

    EnrolmentEventTranslator(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(EnrolmentEvent event) {
        EnrolmentEvent.Facts facts = event.facts();
        ObjectNode data = json.createObjectNode()
                .put("enrolmentId", facts.enrolmentId().toString())
                .put("version", facts.version())
                .put("personId", facts.personId().toString())
                .put("organisation", facts.organisation().value())
                .put("offeringId", facts.offeringId().toString())
                .put("courseId", facts.courseId().toString())
                .put("offeringOwner", facts.offeringOwner().value());
        if (facts.programmeId() != null) {
            data.put("programmeId", String.valueOf(facts.programmeId()));
        }
        data.put("state", facts.state().name()).put("occurredAt", facts.at().toString());
        String type = switch (event) {
            case EnrolmentEvent.Requested requested -> {
                data.put("requestedBy", requested.requestedBy().name());
                yield "enrolment-requested.v1";
            }
            case EnrolmentEvent.AwaitingApproval awaiting -> {
                if (awaiting.managerId() != null) {
                    data.put("managerId", String.valueOf(awaiting.managerId()));
                }
                data.put("holdUntil", awaiting.holdUntil().toString());
                yield "enrolment-awaiting-approval.v1";
            }
            case EnrolmentEvent.Confirmed confirmed -> {
                data.put("seatSource", confirmed.seatSource().name());
                yield "enrolment-confirmed.v1";
            }
            case EnrolmentEvent.Waitlisted waitlisted -> {
                data.put("position", waitlisted.position());
                yield "enrolment-waitlisted.v1";
            }
            case EnrolmentEvent.Declined declined -> {
                data.put("reason", declined.reason());
                yield "enrolment-declined.v1";
            }
            case EnrolmentEvent.Withdrawn withdrawn -> "enrolment-withdrawn.v1";
            case EnrolmentEvent.Cancelled cancelled -> "enrolment-cancelled.v1";
            case EnrolmentEvent.Started started -> "enrolment-started.v1";
            case EnrolmentEvent.Paused paused -> "enrolment-paused.v1";
            case EnrolmentEvent.Resumed resumed -> "enrolment-resumed.v1";
            case EnrolmentEvent.Completed completed -> "enrolment-completed.v1";
            case EnrolmentEvent.NoShow noShow -> "enrolment-no-show.v1";
            case EnrolmentEvent.ProgressRecorded progress -> {
                data.put("modulesCompleted", progress.modulesCompleted())
                        .put("moduleCount", progress.moduleCount())
                        .put("percent", progress.percent())
                        .put("milestone", progress.milestone());
                yield "progress-recorded.v1";
            }
            case EnrolmentEvent.TimeStatementConfirmed confirmed -> {
                data.put("month", confirmed.statement().month().toString())
                        .put("hours", confirmed.statement().hours())
                        .put("paidWorkingTimeHours", confirmed.statement().paidWorkingTimeHours())
                        .put("revision", confirmed.statement().revision());
                yield "time-statement-confirmed.v1";
            }
            case EnrolmentEvent.EvaluationSubmitted evaluation -> {
                data.put("usefulness", evaluation.usefulness()).put("commented", evaluation.commented());
                yield "evaluation-submitted.v1";
            }
        };
        outbox.append(OutboxEvent.of(TOPIC, PREFIX + type, facts.enrolmentId().toString(), facts.organisation(), data));
    }
}
