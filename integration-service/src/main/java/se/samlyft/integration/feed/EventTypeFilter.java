package se.samlyft.integration.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/**
 * Which event types a subscription or a feed request takes: published types by name
 * ({@code se.samlyft.enrolment.enrolment-completed.v1}), or every type under a prefix ending in {@code .*}
 * ({@code se.samlyft.enrolment.*}, {@code se.samlyft.*}), which also takes types published later.
 *
 * @param patterns the types and prefixes, each once, in the order given
 */
public record EventTypeFilter(List<String> patterns) {

    private static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)*(\\.\\*)?");
    private static final int MAX_PATTERNS = 100;

    public EventTypeFilter {
        patterns = List.copyOf(new LinkedHashSet<>(patterns));
    }

    /**
     * The filter of the patterns given, each of which must name a published type or a prefix of one.
     *
     * @param field the request's name for the list, which a refusal names
     * @throws InvalidInput naming the field if the list is empty, too long, or names no published type
     */
    public static EventTypeFilter of(List<String> patterns, Set<String> published, String field) {
        if (patterns.isEmpty()) {
            throw new InvalidInput(field, "must name at least one event type, or a prefix such as se.samlyft.*");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new InvalidInput(field, "may name at most " + MAX_PATTERNS + " types or prefixes");
        }
        List<String> unknown = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || !PATTERN.matcher(pattern).matches()) {
                unknown.add(String.valueOf(pattern));
            } else if (published.stream().noneMatch(type -> matches(pattern, type))) {
                unknown.add(pattern);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(
                    field,
                    "names no published event type: " + String.join(", ", unknown)
                            + " (the types are in the AsyncAPI document under /api/docs)");
        }
        return new EventTypeFilter(patterns);
    }

    /** Whether the filter takes events of {@code type}. */
    public boolean matches(String type) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, type));
    }

    private static boolean matches(String pattern, String type) {
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
