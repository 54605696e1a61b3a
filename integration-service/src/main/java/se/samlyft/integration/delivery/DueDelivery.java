package se.samlyft.integration.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samlyft.integration.subscription.SigningSecret;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A delivery a worker has claimed, with what it needs to send it.
 *
 * @param lease the worker's lease; its outcome is recorded only while the lease is still the worker's
 * @param attempts how many attempts were made since its retries began (a resume begins them again)
 * @param retryFrom when its retries began
 * @param secrets the subscription's signing secrets now, newest first
 */
public record DueDelivery(
        UUID id,
        UUID lease,
        TenantId tenant,
        SubscriptionId subscription,
        String eventId,
        String body,
        URI target,
        List<SigningSecret> secrets,
        int attempts,
        Instant retryFrom) {

    public DueDelivery {
        secrets = List.copyOf(secrets);
    }
}
