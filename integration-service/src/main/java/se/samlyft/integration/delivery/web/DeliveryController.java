package se.samlyft.integration.delivery.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.integration.delivery.Deliveries;
import se.samlyft.integration.subscription.SubscriptionDesk;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.integration.web.IntegrationPolicy;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/integrations/subscriptions/{id}/deliveries}: what became of each event sent to a subscription, newest
 * first: its status ({@code PENDING}, {@code DELIVERED}, {@code FAILED}), how many attempts, the last status code or
 * error, when it is tried next; one delivery also lists its attempts. Another organisation's is 404.
 */
@RestController
@RequestMapping("/api/integrations/subscriptions/{subscriptionId}/deliveries")
@Validated
class DeliveryController {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    private final Deliveries deliveries;
    private final SubscriptionDesk subscriptions;

    DeliveryController(Deliveries deliveries, SubscriptionDesk subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    Page<Deliveries.DeliveryView> listDeliveries(
            @PathVariable UUID subscriptionId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        IntegrationPolicy.requireMayReadDeliveries();
        SubscriptionId subscription =
                subscriptions.get(SubscriptionId.of(subscriptionId)).id();
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new InvalidInput("status", "must be PENDING, DELIVERED or FAILED");
        }
        return Page.of(
                deliveries.page(subscription, wanted, page, size), page, size, deliveries.count(subscription, wanted));
    }

    @GetMapping("/{deliveryId}")
    DeliveryDetails getDelivery(@PathVariable UUID subscriptionId, @PathVariable UUID deliveryId) {
        IntegrationPolicy.requireMayReadDeliveries();
        SubscriptionId subscription =
                subscriptions.get(SubscriptionId.of(subscriptionId)).id();
        Deliveries.DeliveryView delivery =
                deliveries.find(subscription, deliveryId).orElseThrow(() -> NotFound.of("delivery", deliveryId));
        return new DeliveryDetails(delivery, deliveries.attempts(deliveryId));
    }

    /** One delivery with its attempts, oldest first. */
    record DeliveryDetails(Deliveries.DeliveryView delivery, List<Deliveries.AttemptView> attempts) {}
}
