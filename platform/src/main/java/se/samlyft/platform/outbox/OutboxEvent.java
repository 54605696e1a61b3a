package se.samlyft.platform.outbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One integration event as a service hands it to the {@link Outbox}: the Kafka topic of the producing service, the id
 * of the aggregate it is about (the record key, so that aggregate's events stay in order), its versioned CloudEvents
 * type, subject, tenant and data schema, and its data as JSON text.
 *
 * <p>An event made from a JSON tree ({@link #of(String, String, String, TenantId, JsonNode)}) keeps a copy of that
 * tree, so that the outbox validates the data against its schema without parsing the text it has just been written
 * to. The text and the tree are the same document: the text is written from the copy, and the copy is never handed
 * out.
 */
public final class OutboxEvent {

    /** The prefix of a Samlyft event schema's {@code $id}, followed by the event type. */
    public static final String SCHEMA_PREFIX = "urn:samlyft:schema:";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern VERSIONED_TYPE =
            Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.v[1-9][0-9]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String topic;
    private final String aggregateId;
    private final String type;
    private final String subject;
    private final TenantId tenant;
    private final String dataSchema;
    private final String data;
    private final JsonNode parsedData;

    /**
     * @param topic the producing service's topic, for example {@code samlyft.catalog.events}
     * @param aggregateId the id of the aggregate the event is about; the Kafka record key
     * @param type the versioned event type, for example {@code se.samlyft.catalog.course-published.v1}
     * @param subject the CloudEvents subject, in Samlyft the aggregate's id
     * @param tenant the tenant the event belongs to; the CloudEvents extension {@code tenantid}
     * @param dataSchema the absolute URI of the data's JSON Schema, {@code urn:samlyft:schema:<type>}
     * @param data the event's data, a JSON document
     */
    public OutboxEvent(
            String topic,
            String aggregateId,
            String type,
            String subject,
            TenantId tenant,
            String dataSchema,
            String data) {
        this(topic, aggregateId, type, subject, tenant, dataSchema, data, null);
        if (dataSchema == null || !isAbsoluteUri(dataSchema)) {
            throw new IllegalArgumentException("The data schema is an absolute URI, not '" + dataSchema + "'");
        }
    }

    private OutboxEvent(
            String topic,
            String aggregateId,
            String type,
            String subject,
            TenantId tenant,
            String dataSchema,
            String data,
            JsonNode parsedData) {
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
        this.topic = topic;
        this.aggregateId = aggregateId;
        this.type = type;
        this.subject = subject;
        this.tenant = tenant;
        this.dataSchema = dataSchema;
        this.data = data;
        this.parsedData = parsedData;
    }

    /**
     * The usual Samlyft event: its subject is the aggregate's id and its data schema the published schema of its
     * type, {@code urn:samlyft:schema:<type>}.
     */
    public static OutboxEvent of(String topic, String type, String aggregateId, TenantId tenant, String data) {
        return new OutboxEvent(topic, aggregateId, type, aggregateId, tenant, SCHEMA_PREFIX + type, data, null);
    }

    /**
     * The usual Samlyft event with its data as a JSON tree, as a translator builds it. The event keeps a copy of the
     * tree (later changes to {@code data} do not reach it) and its text; the outbox validates the copy, with no second
     * parse of the text.
     */
    public static OutboxEvent of(String topic, String type, String aggregateId, TenantId tenant, JsonNode data) {
        if (data == null) {
            throw new IllegalArgumentException("An event needs a data");
        }
        JsonNode copy = data.deepCopy();
        return new OutboxEvent(
                topic,
                aggregateId,
                type,
                aggregateId,
                tenant,
                SCHEMA_PREFIX + type,
                JSON.writeValueAsString(copy),
                copy);
    }

    public String topic() {
        return topic;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String dataSchema() {
        return dataSchema;
    }

    /** The event's data as JSON text, exactly what the record's value will be. */
    public String data() {
        return data;
    }

    /** The data as parsed when the event was made from a tree; {@code null} when it was made from text. */
    JsonNode parsedData() {
        return parsedData;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxEvent that
                && topic.equals(that.topic)
                && aggregateId.equals(that.aggregateId)
                && type.equals(that.type)
                && subject.equals(that.subject)
                && tenant.equals(that.tenant)
                && dataSchema.equals(that.dataSchema)
                && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, aggregateId, type, subject, tenant, dataSchema, data);
    }

    @Override
    public String toString() {
        return "OutboxEvent[topic=" + topic + ", aggregateId=" + aggregateId + ", type=" + type + ", subject=" + subject
                + ", tenant=" + tenant + ", dataSchema=" + dataSchema + ", data=" + data + "]";
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
