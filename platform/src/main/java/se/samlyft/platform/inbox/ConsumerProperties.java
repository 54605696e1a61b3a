package se.samlyft.platform.inbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's error handler treats a record that a listener fails on ({@code samlyft.consumer.*}): it retries
 * with exponential back-off while the partition waits, then publishes the record to the dead-letter topic (the
 * record's topic plus {@code dead-letter-suffix}) and goes on with the next one. {@link MalformedEventException} and
 * the types in {@code not-retryable} go to the dead-letter topic without a retry.
 *
 * @param retry the back-off between attempts; with the defaults a record is tried 6 times over about 15 seconds,
 *     well within Kafka's {@code max.poll.interval.ms}
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 * @param notRetryable further exception types that retrying cannot cure
 */
@ConfigurationProperties("samlyft.consumer")
public record ConsumerProperties(
        @DefaultValue Retry retry,
        @DefaultValue(".dlt") String deadLetterSuffix,
        @DefaultValue List<Class<? extends Exception>> notRetryable) {

    public ConsumerProperties {
        if (deadLetterSuffix.isBlank()) {
            throw new IllegalArgumentException("samlyft.consumer.dead-letter-suffix is not blank");
        }
        notRetryable = List.copyOf(notRetryable);
    }

    /**
     * Exponential back-off: the first wait, the factor each next wait grows by, the longest wait, and how many times a
     * record is retried after its first attempt.
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("5") int maxRetries) {

        public Retry {
            if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException(
                        "samlyft.consumer.retry needs 0 <= initial-interval <= max-interval");
            }
            if (multiplier < 1 || maxRetries < 0) {
                throw new IllegalArgumentException("samlyft.consumer.retry needs multiplier >= 1 and max-retries >= 0");
            }
        }
    }
}
