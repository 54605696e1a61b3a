package se.samlyft.reporting.report;

/**
 * The rule that keeps a federation's report from singling anyone out: in breakdowns by a sensitive dimension, counts
 * from 1 up to {@code threshold - 1} are shown only as "&lt;threshold". Totals stay exact.
 */
public record SmallCounts(int threshold) {

    public SmallCounts {
        if (threshold < 1) {
            throw new IllegalArgumentException("The small-count threshold is at least 1, not " + threshold);
        }
    }

    public ShownCount show(Dimension dimension, long count) {
        return dimension.sensitive() ? new ShownCount(count, threshold) : ShownCount.exact(count);
    }
}
