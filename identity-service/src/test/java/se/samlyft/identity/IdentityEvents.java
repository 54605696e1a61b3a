package se.samlyft.identity;

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
import se.samlyft.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity's events as a consumer reads them from the real broker's topic. */
public final class IdentityEvents {

    public static final String TOPIC = "samlyft.identity.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IdentityEvents() {}

    /** Waits for {@code expected} records with key {@code key}, oldest first. */
    public static List<ConsumerRecord<String, String>> recordsOf(String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "identity-events-test-" + UUID.randomUUID(),
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
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected) {
                    if (quietUntil == null) {
                        quietUntil = Instant.now().plusSeconds(2);
                    } else if (Instant.now().isAfter(quietUntil)) {
                        break;
                    }
                }
            }
        }
        assertThat(found).as("events of %s on %s", key, TOPIC).hasSize(expected);
        return found;
    }

    public static String typeOf(ConsumerRecord<String, String> event) {
        return header(event, "ce_type");
    }

    public static String header(ConsumerRecord<String, String> event, String name) {
        var header = event.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode data(ConsumerRecord<String, String> event) {
        return JSON.readTree(event.value());
    }
}
