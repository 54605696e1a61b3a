package se.samlyft.integration.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.platform.tenancy.TenantId;

/** The deliveries of webhooks, and the claims workers make on due ones. */
public interface Deliveries {

    /**
     * Leases up to {@code limit} due deliveries of any tenant to the caller: pending, due, held by no other worker, of
     * an active subscription, and first in their lane (no earlier delivery of the same aggregate to the same
     * subscription is pending or failed). Several workers in several replicas may claim at once.
     */
    List<Claim> claim(int limit, Duration lease, UUID leaseId);

    /** The claimed deliveries of one tenant, with what sending them needs; read in the tenant's scope. */
    List<DueDelivery> load(TenantId tenant, List<UUID> ids, UUID leaseId, Instant at);

    /** Records the outcomes of one tenant's deliveries, in its scope and one transaction. */
    void record(TenantId tenant, List<Outcome> outcomes);

    /** A page of a subscription's deliveries, newest first, of one status or all. */
    List<DeliveryView> page(SubscriptionId subscription, @Nullable String status, int page, int size);

    long count(SubscriptionId subscription, @Nullable String status);

    Optional<DeliveryView> find(SubscriptionId subscription, UUID id);

    List<AttemptView> attempts(UUID delivery);

    /** A delivery claimed by a worker, and whose tenant it is. */
    record Claim(UUID id, TenantId tenant) {}

    /**
     * A delivery as its owner sees it.
     *
     * @param nextAttemptAt when it is tried next; null if it is not pending, or its subscription is paused
     */
    record DeliveryView(
            UUID id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant deliveredAt) {}

    /** One attempt of a delivery. */
    record AttemptView(
            int attempt,
            Instant startedAt,
            long durationMillis,
            @Nullable Integer statusCode,
            @Nullable String error) {}
}
