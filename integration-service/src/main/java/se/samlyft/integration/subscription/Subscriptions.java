package se.samlyft.integration.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/** The subscriptions of the current tenant scope, their secrets and what their changes do to their deliveries. */
public interface Subscriptions {

    /**
     * Adds the subscription that {@code create} makes from the tenant's current feed position, with its first secret,
     * in one transaction that holds the feed's position meanwhile: the subscription receives exactly the events
     * appended after it.
     */
    Subscription add(TenantId tenant, Function<FeedCursor, Subscription> create, SigningSecret secret, Instant at);

    Optional<Subscription> find(SubscriptionId id);

    /** A page of the tenant's subscriptions, oldest first, and how many it has in all. */
    Page<Subscription> page(TenantId tenant, int page, int size);

    /**
     * Applies {@code change} to the subscription under a lock, in one transaction, and stores it if it changed: a
     * pause holds its deliveries back, a resume sends its waiting and failed deliveries again from now.
     *
     * @return the subscription after the change, empty if there is none of that id
     */
    Optional<Subscription> modify(SubscriptionId id, Consumer<Subscription> change);

    /** Deletes the subscription with its secrets and deliveries; false if there was none. */
    boolean delete(SubscriptionId id);

    List<SecretInfo> secrets(SubscriptionId id);

    /** The secrets that sign at {@code at}, newest first. */
    List<SigningSecret> signingSecrets(SubscriptionId id, Instant at);

    /**
     * Adds {@code next} as the newest secret; the secrets signing now keep signing until {@code previousUntil} (or
     * their own earlier expiry), and those expired are deleted.
     */
    void rotate(SubscriptionId id, SigningSecret next, Instant at, Instant previousUntil);

    /**
     * Queues a delivery of every event of the subscription's types in its tenant's feed that happened at or after
     * {@code from}, in feed order, each after whatever of its aggregate is still pending.
     *
     * @return how many were queued
     */
    int replay(SubscriptionId id, Instant from, Instant at);

    Map<SubscriptionId, DeliveryCounts> counts(List<SubscriptionId> ids);
}
