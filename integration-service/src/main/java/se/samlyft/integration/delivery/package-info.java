/** Webhook delivery: Standard Webhooks signatures, the retry schedule, and the worker that sends due deliveries. */
@NullMarked
package se.samlyft.integration.delivery;

import org.jspecify.annotations.NullMarked;
