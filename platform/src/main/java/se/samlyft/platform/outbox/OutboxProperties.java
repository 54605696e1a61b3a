package se.samlyft.platform.outbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code samlyft.outbox}.
 *
 * @param source the CloudEvents source of the service's events; {@code /samlyft/<spring.application.name>} if unset
 * @param relay how the relay publishes
 */
@ConfigurationProperties("samlyft.outbox")
public record OutboxProperties(
        @Nullable String source, @DefaultValue Relay relay) {

    /**
     * How the relay publishes.
     *
     * @param enabled whether this process runs a relay; several replicas may, only one publishes at a time
     * @param pollInterval the pause between two polls of the outbox: with {@code listen}, the safety net for a
     *     notification missed or a listening connection lost; without, the longest an event waits for the relay
     * @param batchSize how many events one transaction of the relay publishes at most
     * @param sendTimeout how long the producer tries to deliver a record before the relay counts it as failed and
     *     retries it at the next poll; the producer's {@code delivery.timeout.ms} and {@code max.block.ms}
     * @param listen whether the relay also wakes when a transaction that appended events commits (PostgreSQL's
     *     {@code LISTEN}/{@code NOTIFY}, on a connection of its own outside the pool)
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("true") boolean listen) {

        public Relay {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("samlyft.outbox.relay.poll-interval must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("samlyft.outbox.relay.batch-size must be at least 1");
            }
            if (sendTimeout.toMillis() < 100) {
                throw new IllegalArgumentException("samlyft.outbox.relay.send-timeout must be at least 100ms");
            }
        }
    }
}
