/** Subscriptions and their encrypted secrets in PostgreSQL, and what a pause, a resume or a replay does to their deliveries. */
@NullMarked
package se.samlyft.integration.subscription.persistence;

import org.jspecify.annotations.NullMarked;
