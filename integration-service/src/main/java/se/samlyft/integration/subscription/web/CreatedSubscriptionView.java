package se.samlyft.integration.subscription.web;

/**
 * The answer to a new subscription: the subscription, and its signing secret, which is shown this once (a retry of the
 * same request with the same {@code Idempotency-Key} gets the same answer).
 */
record CreatedSubscriptionView(SubscriptionView subscription, String secret) {}
