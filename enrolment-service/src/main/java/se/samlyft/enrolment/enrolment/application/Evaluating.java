package se.samlyft.enrolment.enrolment.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.security.Caller;

/** The participant rates a completed course once, 1 to 5, with an optional comment. */
public final class Evaluating {

    private final EnrolmentPolicy policy;
    private final EnrolmentLookup lookup;

    public Evaluating(EnrolmentPolicy policy, EnrolmentLookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    public EnrolmentDetails evaluate(
            Caller caller, UUID id, @Nullable String ifMatch, int usefulness, @Nullable String comment) {
        return lookup.details(lookup.change(
                caller,
                id,
                ifMatch,
                policy::requireParticipant,
                (enrolment, at) -> enrolment.evaluate(usefulness, comment, at)));
    }
}
