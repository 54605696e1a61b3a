package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import se.samlyft.contracts.EventContracts;
import se.samlyft.testsupport.TestKafka;
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "enrolment-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (enrolmentId.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("events of %s on %s", enrolmentId, TOPIC).hasSize(expected);
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
        return new String(event.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static JsonNode data(ConsumerRecord<String, String> event) {
        return JSON.readTree(event.value());
    }
}
