package se.samlyft.enrolment.enrolment;

import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;

/** The participant's rating of a completed course, 1 to 5, with an optional comment of at most 2,000 characters. */
public record Evaluation(int usefulness, @Nullable String comment) {

    static final int MAX_TEXT = 2000;

    public Evaluation {
        if (usefulness < 1 || usefulness > 5) {
            throw new InvalidInput("usefulness", "must be from 1 to 5");
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > MAX_TEXT) {
            throw new InvalidInput("comment", "must be at most " + MAX_TEXT + " characters");
        }
    }
}
