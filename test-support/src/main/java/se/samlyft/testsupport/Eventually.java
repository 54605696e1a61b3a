package se.samlyft.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what follows from events: asks again until the answer is as expected, or fails with the last answer. */
public final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Eventually() {}

    /** The first answer of {@code probe} that {@code done} accepts within {@code patience}. */
    public static <T> T until(Duration patience, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + patience + "; last seen: " + last);
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            last = probe.get();
        }
        return last;
    }
}
