/** Webhook subscriptions: where an organisation's events go, which ones, with which signing secrets, and which addresses may be called at all. */
@NullMarked
package se.samlyft.integration.subscription;

import org.jspecify.annotations.NullMarked;
