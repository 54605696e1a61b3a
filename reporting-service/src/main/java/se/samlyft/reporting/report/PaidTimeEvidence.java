package se.samlyft.reporting.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Evidence for a state grant on paid working time: hours on paid time per person, employer and month, and their sums
 * by kind of employer (municipal, regional, private).
 */
public record PaidTimeEvidence(YearMonth from, YearMonth to, List<Line> lines) {

    public PaidTimeEvidence {
        lines = List.copyOf(lines);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The evidence ends in or after its first month");
        }
    }

    /** The paid hours summed by kind of employer, in the order of the kinds' names. */
    public Map<String, BigDecimal> totalsByEmployer() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(line.employer(), line.paidHours(), BigDecimal::add));
        return totals;
    }

    public BigDecimal total() {
        return lines.stream().map(Line::paidHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One person's paid hours with one employer in one month.
     *
     * @param personId null once the person is erased; the pseudonym stays
     * @param employer the kind of employer, {@code UNKNOWN} until the organisation's events have arrived
     */
    public record Line(
            @Nullable UUID personId,
            UUID participant,
            String organisation,
            @Nullable String organisationName,
            String employer,
            YearMonth month,
            BigDecimal paidHours) {}
}
