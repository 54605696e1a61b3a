package se.samlyft.integration.subscription.web;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A replay of a subscription: every event of its types that happened at or after {@code from} is delivered again. */
record ReplayRequest(@NotNull Instant from) {}
