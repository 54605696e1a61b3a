package se.samlyft.integration.subscription;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A webhook subscription of one organisation: the events of its feed of the types it takes, from the position it was
 * made at, go to its target. It is active, or paused by its owner or because deliveries kept failing, with the reason;
 * while paused its deliveries wait. Every change raises its version.
 */
public final class Subscription {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_REASON = 1000;

    private final SubscriptionId id;
    private final TenantId tenant;
    private final FeedCursor start;
    private final Instant createdAt;
    private final String createdBy;
    private TargetUrl target;
    private EventTypeFilter types;
    private @Nullable String description;
    private SubscriptionStatus status;
    private @Nullable String pausedReason;
    private @Nullable Instant pausedAt;
    private long version;

    private Subscription(
            SubscriptionId id,
            TenantId tenant,
            FeedCursor start,
            Instant createdAt,
            String createdBy,
            TargetUrl target,
            EventTypeFilter types,
            @Nullable String description,
            SubscriptionStatus status,
            @Nullable String pausedReason,
            @Nullable Instant pausedAt,
            long version) {
        this.id = id;
        this.tenant = tenant;
        this.start = start;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.target = target;
        this.types = types;
        this.description = checkedDescription(description);
        this.status = status;
        this.pausedReason = pausedReason;
        this.pausedAt = pausedAt;
        this.version = version;
    }

    /** A new, active subscription that receives the tenant's events after {@code start}. */
    public static Subscription create(
            SubscriptionId id,
            TenantId tenant,
            FeedCursor start,
            TargetUrl target,
            EventTypeFilter types,
            @Nullable String description,
            String createdBy,
            Instant at) {
        return new Subscription(
                id, tenant, start, at, createdBy, target, types, description, SubscriptionStatus.ACTIVE, null, null, 1);
    }

    /** A subscription as stored. */
    public static Subscription restore(
            SubscriptionId id,
            TenantId tenant,
            FeedCursor start,
            Instant createdAt,
            String createdBy,
            TargetUrl target,
            EventTypeFilter types,
            @Nullable String description,
            SubscriptionStatus status,
            @Nullable String pausedReason,
            @Nullable Instant pausedAt,
            long version) {
        return new Subscription(
                id,
                tenant,
                start,
                createdAt,
                createdBy,
                target,
                types,
                description,
                status,
                pausedReason,
                pausedAt,
                version);
    }

    /** Changes where the events go, which ones, and the description; deliveries already queued keep going. */
    public void change(TargetUrl target, EventTypeFilter types, @Nullable String description) {
        this.target = target;
        this.types = types;
        this.description = checkedDescription(description);
        version++;
    }

    /**
     * Pauses the subscription with the reason its owner will see.
     *
     * @throws Conflict if it is paused already
     */
    public void pause(String reason, Instant at) {
        if (status == SubscriptionStatus.PAUSED) {
            throw new Conflict("The subscription is paused already (" + pausedReason + ").");
        }
        status = SubscriptionStatus.PAUSED;
        pausedReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        pausedAt = at;
        version++;
    }

    /**
     * Resumes a paused subscription: its waiting and failed deliveries go again, oldest first.
     *
     * @throws Conflict if it is active
     */
    public void resume() {
        if (status == SubscriptionStatus.ACTIVE) {
            throw new Conflict("The subscription is active; only a paused one can be resumed.");
        }
        status = SubscriptionStatus.ACTIVE;
        pausedReason = null;
        pausedAt = null;
        version++;
    }

    public SubscriptionId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    /** The feed position the subscription was made at; it receives the events after it. */
    public FeedCursor start() {
        return start;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public TargetUrl target() {
        return target;
    }

    public EventTypeFilter types() {
        return types;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public SubscriptionStatus status() {
        return status;
    }

    public Optional<String> pausedReason() {
        return Optional.ofNullable(pausedReason);
    }

    public Optional<Instant> pausedAt() {
        return Optional.ofNullable(pausedAt);
    }

    public long version() {
        return version;
    }

    private static @Nullable String checkedDescription(@Nullable String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "must be at most " + MAX_DESCRIPTION + " characters long");
        }
        return description == null || description.isBlank() ? null : description;
    }
}
