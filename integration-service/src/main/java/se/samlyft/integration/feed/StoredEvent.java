package se.samlyft.integration.feed;

import java.time.Instant;

/**
 * An event as a feed keeps it.
 *
 * @param eventId the CloudEvents id, also the {@code webhook-id} of every delivery of it
 * @param type the versioned event type
 * @param aggregateKey the aggregate it is about, whose events a subscription receives in order
 * @param occurredAt when it happened, as the event says
 * @param body the structured CloudEvent as JSON text, delivered byte for byte
 */
public record StoredEvent(String eventId, String type, String aggregateKey, Instant occurredAt, String body) {}
