/** Kafka adapter of the read model: the live consumers, the rebuild from the start of the topics, and the freshness metric. */
@NullMarked
package se.samlyft.reporting.projection.messaging;

import org.jspecify.annotations.NullMarked;
