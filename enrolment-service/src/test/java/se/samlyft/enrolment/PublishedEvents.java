package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import se.samlyft.contracts.EventContracts;
import se.samlyft.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What enrolment-service published, read back from the real broker's topic as a consumer reads it. */
final class PublishedEvents {

    static final String TOPIC = "samlyft.enrolment.events";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContracts CONTRACTS = EventContracts.load();

    private PublishedEvents() {}

    /** The {@code expected} events of one enrolment, in order, each checked against its published schema. */
    static List<ConsumerRecord<String, String>> of(String enrolmentId, int expected) {
        List<ConsumerRecord<String, String>> found = TopicRecords.withKey(TOPIC, enrolmentId, expected);
        for (ConsumerRecord<String, String> event : found) {
            String type = header(event, "ce_type");
            assertThat(CONTRACTS.violations(type, event.value())).as(type).isEmpty();
            assertThat(header(event, "ce_dataschema")).isEqualTo(EventContracts.dataschemaOf(type));
        }
        return found;
    }

    static String typeOf(ConsumerRecord<String, String> event) {
        return header(event, "ce_type").substring("se.samlyft.enrolment.".length());
    }

    static String header(ConsumerRecord<String, String> event, String name) {
        return TopicRecords.header(event, name);
    }

    static JsonNode data(ConsumerRecord<String, String> event) {
        return JSON.readTree(event.value());
    }
}
