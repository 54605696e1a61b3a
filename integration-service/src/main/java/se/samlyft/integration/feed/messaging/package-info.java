/** Kafka adapter of the feed: the consumer of the platform's topics, the contract's reading of an event's data, and the structured CloudEvent the feed and webhooks deliver. */
@NullMarked
package se.samlyft.integration.feed.messaging;

import org.jspecify.annotations.NullMarked;
