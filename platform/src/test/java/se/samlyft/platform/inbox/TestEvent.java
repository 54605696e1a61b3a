package se.samlyft.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A course-published.v1 event of the catalog service as a record in CloudEvents binary content mode, which a test may
 * spoil: drop a header, change the data.
 */
final class TestEvent {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String key;
    private byte[] value;

    private TestEvent(String key, String json) {
        this.key = key;
        this.value = json.getBytes(UTF_8);
    }

    /** A course of {@code tenant} in its {@code version}, published under a new event id. */
    static TestEvent coursePublished(String tenant, UUID courseId, long version, String title) {
        TestEvent event = new TestEvent(courseId.toString(), """
                {"courseId": "%s", "owner": "%s", "version": %d, "title": "%s",
                 "publishedAt": "2026-09-01T07:00:00Z"}""".formatted(courseId, tenant, version, title));
        event.headers.put("ce_specversion", "1.0");
        event.headers.put("ce_id", UUID.randomUUID().toString());
        event.headers.put("ce_source", "/samlyft/catalog-service");
        event.headers.put("ce_type", InboxTestApplication.COURSE_PUBLISHED);
        event.headers.put("ce_subject", courseId.toString());
        event.headers.put("ce_time", "2026-09-01T09:00:00+02:00");
        event.headers.put("ce_dataschema", "urn:samlyft:schema:" + InboxTestApplication.COURSE_PUBLISHED);
        event.headers.put("ce_tenantid", tenant);
        event.headers.put("content-type", "application/json");
        return event;
    }

    TestEvent header(String name, String headerValue) {
        headers.put(name, headerValue);
        return this;
    }

    TestEvent without(String header) {
        headers.remove(header);
        return this;
    }

    TestEvent value(String raw) {
        value = raw.getBytes(UTF_8);
        return this;
    }

    /** The event id, or the key of a record without one. */
    String id() {
        return Optional.ofNullable(headers.get("ce_id")).orElse(key);
    }

    String key() {
        return key;
    }

    byte[] value() {
        return value.clone();
    }

    ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        return new ProducerRecord<>(topic, null, key, value(), recordHeaders());
    }

    /** The record as a listener with Spring Boot's default String deserialisers receives it. */
    ConsumerRecord<String, String> received(String topic, long offset) {
        return new ConsumerRecord<>(
                topic,
                0,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                key.length(),
                value.length,
                key,
                new String(value, UTF_8),
                recordHeaders(),
                Optional.empty());
    }

    private RecordHeaders recordHeaders() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, headerValue) -> recordHeaders.add(name, headerValue.getBytes(UTF_8)));
        return recordHeaders;
    }
}
