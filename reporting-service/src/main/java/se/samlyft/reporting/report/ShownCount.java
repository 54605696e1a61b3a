package se.samlyft.reporting.report;

/**
 * A count as a report shows it: the number, or, when it is small enough to single someone out, only that it lies
 * below the threshold ("&lt;5").
 */
public record ShownCount(long value, int hiddenBelow) {

    public ShownCount {
        if (value < 0 || hiddenBelow < 0) {
            throw new IllegalArgumentException("Counts and thresholds are not negative");
        }
    }

    public static ShownCount exact(long value) {
        return new ShownCount(value, 0);
    }

    public boolean hidden() {
        return value > 0 && value < hiddenBelow;
    }

    /** The number, or {@code "<threshold"} when it is hidden. */
    @Override
    public String toString() {
        return hidden() ? "<" + hiddenBelow : Long.toString(value);
    }
}
