package se.samlyft.integration.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after {@code initialDelay}, doubling with each failure up to
 * {@code maxDelay}, each wait drawn at random between half of it and all of it (jitter, so that the retries of many
 * deliveries that failed together spread out), and never sooner than a receiver's {@code Retry-After} asks. Retries go
 * on for at least {@code period} from the first attempt (or the last resume): the first failure after that ends them.
 */
public final class RetrySchedule {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration period;
    private final RandomGenerator random;

    public RetrySchedule(Duration initialDelay, Duration maxDelay, Duration period, RandomGenerator random) {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("A retry schedule needs 0 < initial delay <= max delay");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A retry schedule retries for a positive period");
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.period = period;
        this.random = random;
    }

    /** How long retries go on. */
    public Duration period() {
        return period;
    }

    /** The longest wait between two attempts. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * When to try again after the {@code failures}th failed attempt, made at {@code now}; empty when the retries are
     * over.
     *
     * @param retryFrom when the retries began: the delivery's first attempt, or the resume of its subscription
     * @param retryAfter what the receiver asked for in {@code Retry-After}, if anything
     */
    public Optional<Instant> next(Instant retryFrom, Instant now, int failures, Optional<Duration> retryAfter) {
        if (!now.isBefore(retryFrom.plus(period))) {
            return Optional.empty();
        }
        Duration wait = delayAfter(failures);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get().compareTo(maxDelay) > 0 ? maxDelay : retryAfter.get();
        }
        return Optional.of(now.plus(wait));
    }

    /** The wait after the {@code failures}th failure, jitter included. */
    Duration delayAfter(int failures) {
        long ceiling = ceilingMillis(failures);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    private long ceilingMillis(int failures) {
        long delay = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }
}
