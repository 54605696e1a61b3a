package se.samlyft.reporting.participation;

import java.util.Map;
import java.util.TreeMap;

/** How many enrolments the tenant scope has in each state, with their total. */
public record ParticipationSummary(Map<String, Long> byState) {

    public ParticipationSummary {
        byState = Map.copyOf(new TreeMap<>(byState));
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
