package se.samlyft.reporting.projection;

/** Reporting's reading of {@code evaluation-submitted.v1}: how useful the participant found the course, 1 to 5. */
public record Evaluation(int usefulness) {

    public Evaluation {
        if (usefulness < 1 || usefulness > 5) {
            throw new IllegalArgumentException("Usefulness is rated 1 to 5, not " + usefulness);
        }
    }
}
