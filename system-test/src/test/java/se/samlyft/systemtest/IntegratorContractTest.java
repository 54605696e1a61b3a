package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What an integrator sees: a plain Kafka consumer (kafka-clients and a JSON Schema validator, no Samlyft code) reads
 * every topic of the platform from the beginning; each record must be a CloudEvent in binary mode whose data
 * validates against the schema its {@code ce_dataschema} names, as published in the contracts.
 */
@Order(2)
class IntegratorContractTest {

    private static final Pattern TOPICS = Pattern.compile("samlyft\\.[a-z]+\\.events");
    private static final String SCHEMA_PREFIX = "urn:samlyft:schema:";

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Test
    void everyRecordOnEveryTopicIsACloudEventWhoseDataMatchesItsPublishedSchema() throws IOException {
        TenantData.createFor(
                platform.gateway(), keycloak.tokenOf("lycksele-samordnare"), "Integratörsprov " + UUID.randomUUID());

        List<ConsumerRecord<String, String>> records = readEverything(Duration.ofSeconds(60));

        Map<String, Integer> types = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String where = record.topic() + "/" + record.partition() + "@" + record.offset();
            Map<String, String> headers = headers(record);
            for (String required :
                    List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_dataschema")) {
                if (!headers.containsKey(required)) {
                    problems.add(where + " lacks " + required);
                }
            }
            if (!"1.0".equals(headers.get("ce_specversion"))) {
                problems.add(where + " is not CloudEvents 1.0");
            }
            if (!String.valueOf(headers.get("content-type")).startsWith("application/json")) {
                problems.add(where + " has content type " + headers.get("content-type"));
            }
            String type = headers.getOrDefault("ce_type", "");
            types.merge(type, 1, Integer::sum);
            if (!(SCHEMA_PREFIX + type).equals(headers.get("ce_dataschema"))) {
                problems.add(where + " names schema " + headers.get("ce_dataschema") + " for " + type);
                continue;
            }
            try {
                OffsetDateTime.parse(headers.get("ce_time"));
            } catch (RuntimeException notATime) {
                problems.add(where + " has the time " + headers.get("ce_time"));
            }
            List<Error> errors = schemaOf(type).validate(record.value(), InputFormat.JSON);
            errors.forEach(error -> problems.add(where + " (" + type + "): " + error.getMessage()));
        }

        assertThat(types)
                .as("event types read")
                .containsKeys(
                        "se.samlyft.catalog.programme-registered.v1",
                        "se.samlyft.catalog.course-published.v1",
                        "se.samlyft.catalog.offering-scheduled.v1");
        assertThat(problems).isEmpty();
        System.out.println("[system-test] read " + records.size() + " records: " + types);
    }

    @Test
    void theIntegratorReadsItsFederationsAggregatesThroughTheGatewayButNoListOfPeople() {
        String integrator = keycloak.clientCredentials("samlyft-integrator", "samlyft-integrator-secret");

        var federation = platform.gateway().get("/api/reports/federation?from=2026-01-01&to=2026-12-31", integrator);
        var paidTime = platform.gateway().get("/api/reports/paid-time?from=2026-01&to=2026-12", integrator);

        assertThat(federation.status()).as(federation.body()).isEqualTo(200);
        assertThat(federation.json().has("participants")).isTrue();
        assertThat(paidTime.status())
                .as("hours per person are not an aggregate")
                .isEqualTo(403);
    }

    /** Every record of every platform topic, from the beginning to the end offsets at the time of asking. */
    private List<ConsumerRecord<String, String>> readEverything(Duration patience) {
        Properties properties = platform.kafkaAdminClient(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(patience);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (TOPICS.matcher(topic).matches()) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            assertThat(partitions).as("partitions of the platform's topics").isNotEmpty();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (end.entrySet().stream()
                    .anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                assertThat(Instant.now()).as("read to the end offsets").isBefore(deadline);
            }
        }
        return records;
    }

    private Schema schemaOf(String type) throws IOException {
        String resource = "contracts/events/" + type + ".json";
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(schema).as("a published schema for " + type).isNotNull();
            return schemas.getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
