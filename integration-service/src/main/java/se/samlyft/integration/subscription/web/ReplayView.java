package se.samlyft.integration.subscription.web;

import java.time.Instant;

/** A replay queued: from when, and how many deliveries it queued, each after its aggregate's pending ones. */
record ReplayView(Instant from, int deliveries) {}
