package se.samlyft.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event waiting in the outbox, and the Kafka record it becomes: a CloudEvent 1.0 in the Kafka protocol binding's
 * binary content mode. Each attribute is a header named {@code ce_<attribute>} with its value in UTF-8, the content
 * type is the {@code content-type} header, the data is the record's value as it is, and the key is the aggregate id.
 */
record PendingEvent(
        long position,
        String topic,
        String key,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String dataSchema,
        String tenant,
        String data) {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    /** The aggregate the event is about, on its topic: the unit whose events must stay in order. */
    String aggregate() {
        return topic + '\u0000' + key;
    }

    ProducerRecord<String, byte[]> toRecord() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION.getBytes(UTF_8));
        headers.add("ce_id", id.toString().getBytes(UTF_8));
        headers.add("ce_source", source.getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_subject", subject.getBytes(UTF_8));
        headers.add("ce_time", DateTimeFormatter.ISO_INSTANT.format(time).getBytes(UTF_8));
        headers.add("ce_dataschema", dataSchema.getBytes(UTF_8));
        headers.add("ce_tenantid", tenant.getBytes(UTF_8));
        headers.add("content-type", CONTENT_TYPE.getBytes(UTF_8));
        return new ProducerRecord<>(topic, null, key, data.getBytes(UTF_8), headers);
    }
}
