package se.samlyft.reporting.report;

/**
 * What participation is broken down by. Sex, age band and education are sensitive: in a federation's view their small
 * counts are hidden.
 */
public enum Dimension {
    ORGANISATION(false),
    WORKPLACE(false),
    OCCUPATION(false),
    SEX(true),
    AGE_BAND(true),
    EDUCATION(true);

    private final boolean sensitive;

    Dimension(boolean sensitive) {
        this.sensitive = sensitive;
    }

    public boolean sensitive() {
        return sensitive;
    }
}
