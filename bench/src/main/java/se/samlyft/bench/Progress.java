package se.samlyft.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells what the bench is doing: each stage when it begins, every few seconds how far it is (done of total, rate,
 * time left), and when it ends how long it took; the stages' durations are kept for the results.
 */
final class Progress {

    static final String PREFIX = "[bench] ";
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Map<String, Duration> took = new LinkedHashMap<>();

    Progress(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void say(String line) {
        out.println(PREFIX + line);
    }

    /** The durations of the stages that ended, in their order. */
    Map<String, Duration> stagesInOrder() {
        return new LinkedHashMap<>(took);
    }

    Stage stage(String name, long total) {
        say(name + (total > 0 ? " (" + total + ")" : "") + " ...");
        return new Stage(name, total);
    }

    final class Stage implements AutoCloseable {
        private final String name;
        private final long total;
        private final Instant began = Instant.now();
        private final AtomicLong done = new AtomicLong();
        private volatile Instant nextReport = Instant.now().plus(EVERY);

        private Stage(String name, long total) {
            this.name = name;
            this.total = total;
        }

        void add(long count) {
            long now = done.addAndGet(count);
            Instant at = Instant.now();
            if (at.isAfter(nextReport)) {
                synchronized (this) {
                    if (at.isAfter(nextReport)) {
                        nextReport = at.plus(EVERY);
                        double seconds =
                                Math.max(0.001, Duration.between(began, at).toMillis() / 1000.0);
                        double rate = now / seconds;
                        String left = total > 0 && rate > 0
                                ? String.format(Locale.ROOT, ", about %.0f s left", (total - now) / rate)
                                : "";
                        say(String.format(
                                Locale.ROOT,
                                "  %s: %d%s, %.0f/s%s",
                                name,
                                now,
                                total > 0 ? " of " + total : "",
                                rate,
                                left));
                    }
                }
            }
        }

        long done() {
            return done.get();
        }

        @Override
        public void close() {
            Duration duration = Duration.between(began, Instant.now());
            took.put(name, duration);
            double seconds = Math.max(0.001, duration.toMillis() / 1000.0);
            say(String.format(
                    Locale.ROOT,
                    "%s: done in %.1f s%s",
                    name,
                    seconds,
                    done.get() > 0
                            ? String.format(Locale.ROOT, " (%d, %.0f/s)", done.get(), done.get() / seconds)
                            : ""));
        }
    }
}
