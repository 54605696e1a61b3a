package se.samlyft.enrolment.enrolment;

import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;

/** Why a manager declined a request: required, stripped, and at most 2,000 characters. */
record DeclineReason(String text) {

    static DeclineReason of(@Nullable String reason) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new InvalidInput("reason", "must be given when declining");
        }
        if (given.length() > Evaluation.MAX_TEXT) {
            throw new InvalidInput("reason", "must be at most " + Evaluation.MAX_TEXT + " characters");
        }
        return new DeclineReason(given);
    }
}
