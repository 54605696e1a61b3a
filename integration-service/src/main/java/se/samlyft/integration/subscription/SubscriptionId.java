package se.samlyft.integration.subscription;

import java.util.UUID;

/** The id of a webhook subscription. */
public record SubscriptionId(UUID value) {

    public static SubscriptionId of(UUID value) {
        return new SubscriptionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
