package se.samlyft.integration.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The use cases of webhook subscriptions, for the organisation a caller integrates: subscribe, change, pause, resume,
 * rotate the secret, replay, unsubscribe. Targets are checked by the {@link TargetPolicy} and event types against the
 * published contract before anything is stored.
 */
public final class SubscriptionDesk {

    static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    private final Subscriptions subscriptions;
    private final TargetPolicy targets;
    private final Set<String> publishedTypes;
    private final Clock clock;
    private final Duration secretOverlap;

    public SubscriptionDesk(
            Subscriptions subscriptions,
            TargetPolicy targets,
            Set<String> publishedTypes,
            Clock clock,
            Duration secretOverlap) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.publishedTypes = Set.copyOf(publishedTypes);
        this.clock = clock;
        this.secretOverlap = secretOverlap;
    }

    /** A new subscription and the secret it signs with: the one given, or a new one. */
    public Subscribed subscribe(
            TenantId tenant,
            String caller,
            String targetUrl,
            List<String> eventTypes,
            @Nullable String description,
            @Nullable String secret) {
        TargetUrl target = TargetUrl.parse(targetUrl);
        EventTypeFilter types = EventTypeFilter.of(eventTypes, publishedTypes, "eventTypes");
        SigningSecret signing = secret == null ? SigningSecret.generate() : SigningSecret.parse(secret, "secret");
        targets.check(target);
        Instant now = clock.instant();
        SubscriptionId id = SubscriptionId.of(UUID.randomUUID());
        Subscription subscription = subscriptions.add(
                tenant,
                start -> Subscription.create(id, tenant, start, target, types, description, caller, now),
                signing,
                now);
        return new Subscribed(subscription, signing);
    }

    public Subscription get(SubscriptionId id) {
        return subscriptions.find(id).orElseThrow(() -> NotFound.of("subscription", id));
    }

    /**
     * Changes target, types and description of the subscription whose version {@code ifMatch} names.
     *
     * @param versionCheck refuses the change unless the stored version is the one the caller read
     */
    public Subscription change(
            SubscriptionId id,
            VersionCheck versionCheck,
            String targetUrl,
            List<String> eventTypes,
            @Nullable String description) {
        TargetUrl target = TargetUrl.parse(targetUrl);
        EventTypeFilter types = EventTypeFilter.of(eventTypes, publishedTypes, "eventTypes");
        targets.check(target);
        return subscriptions
                .modify(id, subscription -> {
                    versionCheck.require(subscription.version());
                    subscription.change(target, types, description);
                })
                .orElseThrow(() -> NotFound.of("subscription", id));
    }

    public Subscription pause(SubscriptionId id, String caller) {
        Instant now = clock.instant();
        return subscriptions
                .modify(id, subscription -> subscription.pause("Paused by " + caller + ".", now))
                .orElseThrow(() -> NotFound.of("subscription", id));
    }

    public Subscription resume(SubscriptionId id) {
        return subscriptions.modify(id, Subscription::resume).orElseThrow(() -> NotFound.of("subscription", id));
    }

    /**
     * A new signing secret (the one given, or a new one); the old ones keep signing beside it for {@code overlap}
     * (the service's default unless given, at most seven days, zero to stop them at once).
     */
    public Rotated rotateSecret(SubscriptionId id, @Nullable String secret, @Nullable Duration overlap) {
        get(id);
        Duration keep = overlap == null ? secretOverlap : overlap;
        if (keep.isNegative() || keep.compareTo(LONGEST_OVERLAP) > 0) {
            throw new InvalidInput("previousSecretValidFor", "must be between PT0S and P7D");
        }
        SigningSecret next = secret == null ? SigningSecret.generate() : SigningSecret.parse(secret, "secret");
        Instant now = clock.instant();
        subscriptions.rotate(id, next, now, now.plus(keep));
        return new Rotated(next, now.plus(keep));
    }

    /** Queues the events since {@code from} to the subscription again; answers how many. */
    public int replay(SubscriptionId id, Instant from) {
        Instant now = clock.instant();
        if (from.isAfter(now)) {
            throw new InvalidInput("from", "must not be in the future");
        }
        get(id);
        return subscriptions.replay(id, from, now);
    }

    public void unsubscribe(SubscriptionId id) {
        if (!subscriptions.delete(id)) {
            throw NotFound.of("subscription", id);
        }
    }

    /** Refuses a change of a subscription unless its stored version is the one the caller read. */
    @FunctionalInterface
    public interface VersionCheck {

        void require(long storedVersion);
    }

    /** A new subscription and its signing secret, shown to the owner this once. */
    public record Subscribed(Subscription subscription, SigningSecret secret) {}

    /** A new signing secret, and until when the ones before it keep signing. */
    public record Rotated(SigningSecret secret, Instant previousValidUntil) {}
}
