package se.samlyft.web.page;

import org.springframework.stereotype.Component;
import se.samlyft.web.api.EnrolmentApi;

/**
 * An enrolment's state in words, as the person says it: "bekräftad", "väntar på chefens godkännande", "plats 2 på
 * väntelistan", "pågår", "pausad", "slutförd". Templates reach it as {@code @states}.
 */
@Component("states")
public class States {

    private final ProblemMessages texts;

    States(ProblemMessages texts) {
        this.texts = texts;
    }

    public String of(EnrolmentApi.Enrolment enrolment) {
        if (enrolment.is("IN_PROGRESS") && enrolment.paused()) {
            return texts.message("state.PAUSED");
        }
        if (enrolment.is("WAITLISTED") && enrolment.waitlistPosition() != null) {
            return texts.message("state.WAITLISTED.position", enrolment.waitlistPosition());
        }
        return texts.message("state." + enrolment.state());
    }

    /** A word for the state's kind, for the badge's look: done, waiting, active, ended. */
    public String kind(EnrolmentApi.Enrolment enrolment) {
        return switch (enrolment.state()) {
            case "COMPLETED" -> "done";
            case "REQUESTED", "AWAITING_APPROVAL", "WAITLISTED" -> "waiting";
            case "CONFIRMED", "IN_PROGRESS" -> "active";
            default -> "ended";
        };
    }
}
