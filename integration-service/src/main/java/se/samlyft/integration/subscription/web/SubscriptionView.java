package se.samlyft.integration.subscription.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.integration.subscription.DeliveryCounts;
import se.samlyft.integration.subscription.SecretInfo;
import se.samlyft.integration.subscription.Subscription;

/**
 * A subscription as its owner sees it: where its events go and which, whether it is active or paused and why, the
 * feed cursor it started after, its deliveries waiting and failed, and when its secrets were made and stop signing.
 */
record SubscriptionView(
        UUID id,
        String targetUrl,
        List<String> eventTypes,
        @Nullable String description,
        String status,
        @Nullable String pausedReason,
        @Nullable Instant pausedAt,
        String startCursor,
        long pendingDeliveries,
        long failedDeliveries,
        List<SecretView> secrets,
        Instant createdAt,
        String createdBy,
        long version) {

    static SubscriptionView of(Subscription subscription, DeliveryCounts counts, List<SecretInfo> secrets) {
        return new SubscriptionView(
                subscription.id().value(),
                subscription.target().toString(),
                subscription.types().patterns(),
                subscription.description().orElse(null),
                subscription.status().name(),
                subscription.pausedReason().orElse(null),
                subscription.pausedAt().orElse(null),
                subscription.start().toString(),
                counts.pending(),
                counts.failed(),
                secrets.stream().map(SecretView::of).toList(),
                subscription.createdAt(),
                subscription.createdBy(),
                subscription.version());
    }

    /** When one of the signing secrets was made, and until when it signs (null: until it is replaced). */
    record SecretView(Instant createdAt, @Nullable Instant expiresAt) {

        static SecretView of(SecretInfo secret) {
            return new SecretView(secret.createdAt(), secret.expiry().orElse(null));
        }
    }
}
