package se.samlyft.platform.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's error handler treats a record that a listener fails on ({@code samlyft.consumer.*}). A transient
 * failure (the database restarting or out of reach, a lock or statement timeout, see {@link TransientFailures}) is
 * retried with exponential back-off for as long as it lasts, the listener's container paused between attempts. A
 * record that can never be applied ({@link MalformedEventException}, the types in {@code not-retryable}) goes to the
 * service's dead-letter topic at once; any other failure after {@code retry.max-retries} retries.
 *
 * @param retry the back-off between attempts, and how often a failure of no known kind is retried
 * @param deadLetterTopic the service's dead-letter topic; {@code samlyft.<service>.dlt} if unset, where
 *     {@code <service>} is {@code spring.application.name} without its {@code -service}
 * @param notRetryable further exception types that retrying cannot cure
 * @param producers the CloudEvents source of the one producer of a topic, for topics whose name does not follow
 *     {@code samlyft.<name>.events} (whose producer is {@code /samlyft/<name>-service}); see {@link EventProducers}
 * @param processedRetention how long the record of an applied event is kept (see {@link ProcessedEventCleanup})
 * @param cleanupInterval how often older records are deleted
 */
@ConfigurationProperties("samlyft.consumer")
public record ConsumerProperties(
        @DefaultValue Retry retry,
        @Nullable String deadLetterTopic,
        @DefaultValue List<Class<? extends Exception>> notRetryable,
        @DefaultValue Map<String, String> producers,
        @DefaultValue("30d") Duration processedRetention,
        @DefaultValue("1h") Duration cleanupInterval) {

    public ConsumerProperties {
        if (deadLetterTopic != null && deadLetterTopic.isBlank()) {
            throw new IllegalArgumentException("samlyft.consumer.dead-letter-topic is not blank when set");
        }
        notRetryable = List.copyOf(notRetryable);
        producers = Map.copyOf(producers);
        if (processedRetention.compareTo(Duration.ofDays(8)) < 0) {
            throw new IllegalArgumentException("samlyft.consumer.processed-retention outlasts the broker's offsets"
                    + " retention (7 days) with a day to spare, so at least 8 days, not " + processedRetention);
        }
    }

    /** The dead-letter topic of the service named {@code applicationName}, unless one is set. */
    String deadLetterTopicOf(String applicationName) {
        if (deadLetterTopic != null) {
            return deadLetterTopic;
        }
        String service = applicationName.endsWith("-service")
                ? applicationName.substring(0, applicationName.length() - "-service".length())
                : applicationName;
        return "samlyft." + service + ".dlt";
    }

    /**
     * Exponential back-off: the first wait, the factor each next wait grows by, the longest wait, and how many times a
     * failure of no known kind is retried after its first attempt (a transient failure is retried without end).
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
