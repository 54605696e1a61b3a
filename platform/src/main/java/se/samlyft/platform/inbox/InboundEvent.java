package se.samlyft.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One CloudEvent 1.0 as a consumer reads it from Kafka in binary content mode: the attributes from the {@code ce_}
 * headers, the data (the record's value) as a JSON object, and where the record was read. {@link #from} refuses a
 * record that is not such an event with a {@link MalformedEventException}.
 *
 * @param id the event's id, unique per event; the {@link Inbox} applies it once per consumer
 * @param source the producer, for example {@code /samlyft/catalog-service}
 * @param type the versioned type, for example {@code se.samlyft.catalog.course-published.v1}
 * @param subject the aggregate the event is about, if given
 * @param tenant the tenant the event belongs to (extension {@code tenantid}), or null for an event of no tenant
 * @param time when it happened, if given
 * @param dataSchema the id of the data's JSON Schema, if given
 * @param key the record key, the aggregate's id
 * @param data the event's data, a JSON object
 * @param position the topic, partition and offset the record was read from
 */
public record InboundEvent(
        String id,
        String source,
        String type,
        @Nullable String subject,
        @Nullable TenantId tenant,
        @Nullable Instant time,
        @Nullable String dataSchema,
        @Nullable String key,
        JsonNode data,
        Position position) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SPEC_VERSION_HEADER = "ce_specversion";
    public static final String ID_HEADER = "ce_id";
    public static final String SOURCE_HEADER = "ce_source";
    public static final String TYPE_HEADER = "ce_type";
    public static final String SUBJECT_HEADER = "ce_subject";
    public static final String TIME_HEADER = "ce_time";
    public static final String DATA_SCHEMA_HEADER = "ce_dataschema";
    public static final String TENANT_HEADER = "ce_tenantid";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    /**
     * Reads data leniently where a consumer's own narrower type leaves fields out (unknown fields are ignored) and
     * strictly where it needs one: a missing or null value for a primitive component fails, as does trailing text.
     */
    private static final JsonMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public InboundEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        if (!data.isObject()) {
            throw new IllegalArgumentException("The data of an event is a JSON object");
        }
    }

    /**
     * Reads the event from a record whose key and value were deserialised as {@code String} or {@code byte[]}.
     *
     * @throws MalformedEventException if the record lacks a required attribute ({@code ce_specversion} 1.0,
     *     {@code ce_id}, {@code ce_source}, {@code ce_type}), an attribute is not in its format, the content type is
     *     not JSON, or the value is not a JSON object
     */
    public static InboundEvent from(ConsumerRecord<?, ?> record) {
        Position position = Position.of(record);
        @Nullable String id = header(record, ID_HEADER);
        String described = (id == null ? "Record" : "Event " + id) + " at " + position;
        String specVersion = required(record, SPEC_VERSION_HEADER, described);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException(
                    described + " is CloudEvents " + specVersion + ", not " + SPEC_VERSION + " as required");
        }
        requireJsonContentType(header(record, CONTENT_TYPE_HEADER), described);
        return new InboundEvent(
                required(record, ID_HEADER, described),
                required(record, SOURCE_HEADER, described),
                required(record, TYPE_HEADER, described),
                header(record, SUBJECT_HEADER),
                tenant(header(record, TENANT_HEADER), described),
                time(header(record, TIME_HEADER), described),
                header(record, DATA_SCHEMA_HEADER),
                text(record.key()),
                data(record.value(), described),
                position);
    }

    /**
     * The data read as the consumer's own type, typically a record of just the fields it needs; a compact constructor
     * that rejects a value makes the event malformed too.
     *
     * @throws MalformedEventException if the data does not fit the type
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return READER.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    "The data of event " + id + " (" + this.type + ") at " + position + " does not fit "
                            + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "event " + id + " (" + type + ", tenant " + (tenant == null ? "none" : tenant.value()) + ") at "
                + position;
    }

    /** Where a record was read: topic, partition and offset. */
    public record Position(String topic, int partition, long offset) {

        /** Where the record was read. */
        public static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.topic(), record.partition(), record.offset());
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private static String required(ConsumerRecord<?, ?> record, String name, String described) {
        @Nullable String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(described + " has no header " + name);
        }
        return value;
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        @Nullable Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static void requireJsonContentType(@Nullable String contentType, String described) {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new MalformedEventException(described + " has content type " + contentType + ", not JSON");
        }
    }

    private static @Nullable TenantId tenant(@Nullable String value, String described) {
        if (value == null) {
            return null;
        }
        try {
            return TenantId.of(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(described + " names no valid tenant in " + TENANT_HEADER, e);
        }
    }

    private static @Nullable Instant time(@Nullable String value, String described) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(described + " has a " + TIME_HEADER + " that is no RFC 3339 time", e);
        }
    }

    private static JsonNode data(@Nullable Object value, String described) {
        JsonNode data;
        try {
            data = switch (value) {
                case null -> throw new MalformedEventException(described + " has no data");
                case byte[] bytes -> READER.readTree(bytes);
                case String text -> READER.readTree(text);
                default ->
                    throw new IllegalArgumentException("Deserialise event values as String or byte[], not "
                            + value.getClass().getName());
            };
        } catch (JacksonException e) {
            throw new MalformedEventException(described + " has data that is not JSON: " + e.getOriginalMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException(described + " has data that is not a JSON object");
        }
        return data;
    }

    private static @Nullable String text(@Nullable Object key) {
        return switch (key) {
            case null -> null;
            case byte[] bytes -> new String(bytes, UTF_8);
            default -> key.toString();
        };
    }

    private static void requireText(String value, String attribute) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("An event's " + attribute + " is not blank");
        }
    }
}
