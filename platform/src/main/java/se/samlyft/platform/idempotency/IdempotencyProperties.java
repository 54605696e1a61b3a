package se.samlyft.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code samlyft.idempotency}.
 *
 * @param enabled whether POSTs with an {@code Idempotency-Key} are deduplicated at all
 * @param expireAfter how long a key and its response are kept and replayed (default 24 hours)
 * @param inFlightTimeout how long a key stays claimed by a request that has not answered; after it, a retry with the
 *     same body may take the key over, in case the process that claimed it died (default 5 minutes)
 * @param cleanupInterval how often expired keys are deleted (default 1 hour)
 */
@ConfigurationProperties("samlyft.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration expireAfter,
        @DefaultValue("5m") Duration inFlightTimeout,
        @DefaultValue("1h") Duration cleanupInterval) {}
