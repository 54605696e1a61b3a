package se.samlyft.reporting.projection;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Which generation of the read model the reports read, and which one a rebuild is filling, if any. Events are
 * applied to both, so the new generation misses nothing that arrives while it is being built.
 */
public record Generations(int current, OptionalInt building) {

    public Generations {
        if (current < 1 || (building.isPresent() && building.getAsInt() <= current)) {
            throw new IllegalArgumentException("Generations count from 1 and a rebuild builds a later one");
        }
    }

    /** The generations an event is applied to: the current one, and the one being built. */
    public List<Integer> active() {
        return building.isPresent()
                ? List.of(current, building.getAsInt())
                : IntStream.of(current).boxed().toList();
    }

    /** The generation a new rebuild fills. */
    public int next() {
        return current + 1;
    }
}
