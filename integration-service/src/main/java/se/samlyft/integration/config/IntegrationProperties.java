package se.samlyft.integration.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of integration-service ({@code samlyft.integration.*}).
 *
 * @param secretKey the key the subscriptions' signing secrets are encrypted with at rest (at least 16 characters)
 * @param targets which addresses webhooks may be sent to
 * @param delivery how webhooks are sent and retried
 * @param feed how long the feed keeps events
 */
@ConfigurationProperties("samlyft.integration")
public record IntegrationProperties(
        String secretKey,
        @DefaultValue Targets targets,
        @DefaultValue Delivery delivery,
        @DefaultValue Feed feed) {

    public IntegrationProperties {
        if (secretKey.length() < 16) {
            throw new IllegalArgumentException("samlyft.integration.secret-key needs at least 16 characters");
        }
    }

    /**
     * Public addresses only, unless the local platform allows loopback.
     *
     * @param allowLoopback whether a target may be on this machine (127.0.0.0/8, ::1), and then also plain http: the
     *     local platform's setting, never production's
     * @param loopbackPorts the only ports a loopback target may use; empty for any
     */
    public record Targets(
            @DefaultValue("false") boolean allowLoopback,
            @DefaultValue List<Integer> loopbackPorts) {

        public Targets {
            loopbackPorts = List.copyOf(loopbackPorts);
        }
    }

    /**
     * How deliveries are sent.
     *
     * @param enabled whether this replica runs a delivery worker
     * @param retry when a failed delivery is tried again, and for how long
     * @param maxInFlight how many webhooks this replica sends at once
     * @param batchSize how many due deliveries a worker claims at a time
     * @param pollInterval how long an idle worker waits before it looks for due deliveries again
     * @param lease how long a claimed delivery stays with its worker before another may take it over
     * @param connectTimeout how long a connection to a receiver may take
     * @param responseTimeout how long a receiver may take to answer
     * @param secretOverlap how long a replaced signing secret keeps signing beside the new one, unless a rotation says
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue Retry retry,
            @DefaultValue("64") int maxInFlight,
            @DefaultValue("100") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration responseTimeout,
            @DefaultValue("24h") Duration secretOverlap) {

        public Delivery {
            if (maxInFlight < 1 || batchSize < 1) {
                throw new IllegalArgumentException(
                        "samlyft.integration.delivery needs max-in-flight and batch-size" + " of at least 1");
            }
            if (lease.compareTo(connectTimeout.plus(responseTimeout).multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("samlyft.integration.delivery.lease must be at least twice the"
                        + " connect and response timeouts, or a slow webhook could be sent twice");
            }
        }
    }

    /**
     * Exponential back-off with jitter: the first wait, the longest, and how long a delivery is retried before it
     * fails and pauses its subscription.
     */
    public record Retry(
            @DefaultValue("5s") Duration initialDelay,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("24h") Duration period) {}

    /**
     * @param retention how long an event stays in the feed (and a cursor pointing at it stays valid)
     * @param purgeInterval how often events past the retention are deleted
     */
    public record Feed(
            @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval) {}
}
