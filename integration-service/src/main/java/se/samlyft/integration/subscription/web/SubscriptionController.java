package se.samlyft.integration.subscription.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.integration.subscription.DeliveryCounts;
import se.samlyft.integration.subscription.Subscription;
import se.samlyft.integration.subscription.SubscriptionDesk;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.integration.subscription.Subscriptions;
import se.samlyft.integration.web.IntegrationPolicy;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/integrations/subscriptions}: the webhook subscriptions of the caller's organisation, for its coordinators
 * and integration clients. Another organisation's subscription is 404.
 */
@RestController
@RequestMapping("/api/integrations/subscriptions")
@Validated
class SubscriptionController {

    private final SubscriptionDesk desk;
    private final Subscriptions subscriptions;

    SubscriptionController(SubscriptionDesk desk, Subscriptions subscriptions) {
        this.desk = desk;
        this.subscriptions = subscriptions;
    }

    @PostMapping
    ResponseEntity<CreatedSubscriptionView> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        TenantId tenant = IntegrationPolicy.requireMayManageSubscriptions();
        Caller caller = IntegrationPolicy.caller();
        SubscriptionDesk.Subscribed subscribed = desk.subscribe(
                tenant,
                caller.username(),
                request.targetUrl(),
                request.eventTypes(),
                request.description(),
                request.secret());
        Subscription subscription = subscribed.subscription();
        return ResponseEntity.created(URI.create("/api/integrations/subscriptions/" + subscription.id()))
                .eTag(ETags.of(subscription.version()))
                .body(new CreatedSubscriptionView(
                        view(subscription), subscribed.secret().serialised()));
    }

    @GetMapping
    Page<SubscriptionView> listSubscriptions(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        TenantId tenant = IntegrationPolicy.requireMayManageSubscriptions();
        Page<Subscription> found = subscriptions.page(tenant, page, size);
        Map<SubscriptionId, DeliveryCounts> counts = subscriptions.counts(
                found.items().stream().map(Subscription::id).toList());
        return found.map(subscription -> SubscriptionView.of(
                subscription,
                counts.getOrDefault(subscription.id(), DeliveryCounts.NONE),
                subscriptions.secrets(subscription.id())));
    }

    @GetMapping("/{id}")
    ResponseEntity<SubscriptionView> getSubscription(@PathVariable UUID id) {
        IntegrationPolicy.requireMayManageSubscriptions();
        return answer(desk.get(SubscriptionId.of(id)));
    }

    @PutMapping("/{id}")
    ResponseEntity<SubscriptionView> changeSubscription(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody SubscriptionRequest request) {
        IntegrationPolicy.requireMayManageSubscriptions();
        Subscription changed = desk.change(
                SubscriptionId.of(id),
                stored -> ETags.requireMatch(ifMatch, stored),
                request.targetUrl(),
                request.eventTypes(),
                request.description());
        return answer(changed);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id) {
        IntegrationPolicy.requireMayManageSubscriptions();
        desk.unsubscribe(SubscriptionId.of(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<SubscriptionView> pauseSubscription(@PathVariable UUID id) {
        IntegrationPolicy.requireMayManageSubscriptions();
        return answer(
                desk.pause(SubscriptionId.of(id), IntegrationPolicy.caller().username()));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<SubscriptionView> resumeSubscription(@PathVariable UUID id) {
        IntegrationPolicy.requireMayManageSubscriptions();
        return answer(desk.resume(SubscriptionId.of(id)));
    }

    @PostMapping("/{id}/secret")
    RotationView rotateSecret(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable RotationRequest request) {
        IntegrationPolicy.requireMayManageSubscriptions();
        SubscriptionDesk.Rotated rotated = desk.rotateSecret(
                SubscriptionId.of(id),
                request == null ? null : request.secret(),
                request == null ? null : request.previousSecretValidFor());
        return new RotationView(rotated.secret().serialised(), rotated.previousValidUntil());
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<ReplayView> replay(@PathVariable UUID id, @Valid @RequestBody ReplayRequest request) {
        IntegrationPolicy.requireMayManageSubscriptions();
        int queued = desk.replay(SubscriptionId.of(id), request.from());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReplayView(request.from(), queued));
    }

    private ResponseEntity<SubscriptionView> answer(Subscription subscription) {
        return ResponseEntity.ok().eTag(ETags.of(subscription.version())).body(view(subscription));
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(
                subscription,
                subscriptions.counts(List.of(subscription.id())).getOrDefault(subscription.id(), DeliveryCounts.NONE),
                subscriptions.secrets(subscription.id()));
    }
}
