package se.samlyft.reporting.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Participants counted by the values of one dimension, in the order of the values. */
public record Breakdown(Dimension dimension, Map<String, ShownCount> counts) {

    public Breakdown {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    static Breakdown of(Dimension dimension, Map<String, Long> counts, SmallCounts rule) {
        Map<String, ShownCount> shown = new LinkedHashMap<>();
        counts.forEach((value, count) -> shown.put(value, rule.show(dimension, count)));
        return new Breakdown(dimension, shown);
    }

    static Breakdown exact(Dimension dimension, Map<String, Long> counts) {
        Map<String, ShownCount> shown = new LinkedHashMap<>();
        counts.forEach((value, count) -> shown.put(value, ShownCount.exact(count)));
        return new Breakdown(dimension, shown);
    }
}
