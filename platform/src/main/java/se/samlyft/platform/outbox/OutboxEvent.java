package se.samlyft.platform.outbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One integration event as a service hands it to the {@link Outbox}: the Kafka topic of the producing service, the id
 * of the aggregate it is about (the record key, so that aggregate's events stay in order), its versioned CloudEvents
 * type, subject, tenant and data schema, and its data as JSON text.
 *
 * @param topic the producing service's topic, for example {@code samlyft.catalog.events}
 * @param aggregateId the id of the aggregate the event is about; the Kafka record key
 * @param type the versioned event type, for example {@code se.samlyft.catalog.course-published.v1}
 * @param subject the CloudEvents subject, in Samlyft the aggregate's id
 * @param tenant the tenant the event belongs to; the CloudEvents extension {@code tenantid}
 * @param dataSchema the absolute URI of the data's JSON Schema, {@code urn:samlyft:schema:<type>}
 * @param data the event's data, a JSON document
 */
public record OutboxEvent(
        String topic,
        String aggregateId,
        String type,
        String subject,
        TenantId tenant,
        String dataSchema,
        String data) {

    /** The prefix of a Samlyft event schema's {@code $id}, followed by the event type. */
    public static final String SCHEMA_PREFIX = "urn:samlyft:schema:";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern VERSIONED_TYPE =
            Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.v[1-9][0-9]*");

    public OutboxEvent {
        requireText(aggregateId, "aggregate id");
        requireText(subject, "subject");
        requireText(data, "data");
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Not a Kafka topic name: '" + topic + "'");
        }
        if (type == null || !VERSIONED_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "An event type is a dotted lower-case name ending in its version, such as"
                            + " se.samlyft.catalog.course-published.v1, not '" + type + "'");
        }
        if (tenant == null) {
            throw new IllegalArgumentException("An event belongs to a tenant");
        }
        if (dataSchema == null || !isAbsoluteUri(dataSchema)) {
            throw new IllegalArgumentException("The data schema is an absolute URI, not '" + dataSchema + "'");
        }
    }

    /**
     * The usual Samlyft event: its subject is the aggregate's id and its data schema the published schema of its
     * type, {@code urn:samlyft:schema:<type>}.
     */
    public static OutboxEvent of(String topic, String type, String aggregateId, TenantId tenant, String data) {
        return new OutboxEvent(topic, aggregateId, type, aggregateId, tenant, SCHEMA_PREFIX + type, data);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An event needs a " + name);
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
