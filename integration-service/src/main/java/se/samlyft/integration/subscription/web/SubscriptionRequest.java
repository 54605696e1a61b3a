package se.samlyft.integration.subscription.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as its owner makes or changes it.
 *
 * @param targetUrl where the webhooks go: a public https URL
 * @param eventTypes published event types, or prefixes ending in {@code .*} ({@code se.samlyft.enrolment.*})
 * @param description what the subscription is for, for the owner's own sake
 * @param secret a signing secret of the owner's own ({@code whsec_} and 24 to 64 bytes in base64); a new one is made
 *     when it is left out; not used when a subscription is changed
 */
record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String targetUrl,
        @NotNull @Size(min = 1, max = 100) List<String> eventTypes,
        @Nullable @Size(max = 500) String description,
        @Nullable @Size(max = 200) String secret) {}
