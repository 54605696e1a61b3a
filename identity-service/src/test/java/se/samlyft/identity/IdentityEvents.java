package se.samlyft.identity;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import se.samlyft.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity's events as a consumer reads them from the real broker's topic. */
public final class IdentityEvents {

    public static final String TOPIC = "samlyft.identity.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IdentityEvents() {}

    /** Waits for {@code expected} records with key {@code key}, oldest first, and no more. */
    public static List<ConsumerRecord<String, String>> recordsOf(String key, int expected) {
        return TopicRecords.withKey(TOPIC, key, expected);
    }

    public static String typeOf(ConsumerRecord<String, String> event) {
        return header(event, "ce_type");
    }

    public static String header(ConsumerRecord<String, String> event, String name) {
        return TopicRecords.header(event, name);
    }

    public static JsonNode data(ConsumerRecord<String, String> event) {
        return JSON.readTree(event.value());
    }
}
