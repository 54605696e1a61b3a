package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The launcher's broker is closed (issue 19, acceptance 3): without credentials, or with wrong ones, a client reads
 * and writes nothing; with a service's credentials it writes only that service's topic and reads only what that
 * service consumes. None of these clients writes a record anywhere, so the other tests' topics stay as they are.
 */
@Order(6)
class KafkaSecurityTest {

    private static final List<String> EVENTS_TOPICS =
            List.of("samlyft.identity.events", "samlyft.catalog.events", "samlyft.enrolment.events");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void aClientWithoutCredentialsCanNeitherWriteNorReadAnyTopic() {
        Map<String, Object> anonymous = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "PLAINTEXT");

        for (String topic : EVENTS_TOPICS) {
            assertThatThrownBy(() -> write(anonymous, topic))
                    .as("writing " + topic)
                    .isInstanceOf(Exception.class);
            assertThat(readableRecords(anonymous, topic))
                    .as("records of " + topic)
                    .isZero();
        }
    }

    @Test
    void aClientWithAWrongPasswordIsNotLetIn() {
        Map<String, Object> impostor = new HashMap<>(settingsOf("catalog-service"));
        impostor.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"catalog-service\""
                        + " password=\"gissat\";");

        assertThatThrownBy(() -> write(impostor, "samlyft.catalog.events"))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        assertThatThrownBy(() -> readableRecords(impostor, "samlyft.identity.events"))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aServiceCanWriteNoOtherServicesTopic() {
        Map<String, Object> catalog = settingsOf("catalog-service");
        Map<String, Object> reporting = settingsOf("reporting-service");

        assertThatThrownBy(() -> write(catalog, "samlyft.identity.events"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(catalog, "samlyft.enrolment.dlt"))
                .as("another service's dead letters")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        for (String topic : EVENTS_TOPICS) {
            assertThatThrownBy(() -> write(reporting, topic))
                    .as("reporting-service produces nothing")
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesAndCreatesNoTopic() {
        Map<String, Object> enrolment = settingsOf("enrolment-service");

        assertThat(readableRecords(enrolment, "samlyft.catalog.events"))
                .as("enrolment-service consumes the catalog's events")
                .isGreaterThan(0);
        assertThatThrownBy(() -> readableRecords(enrolment, "samlyft.reporting.dlt"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readableRecords(settingsOf("identity-service"), "samlyft.catalog.events"))
                .as("identity-service consumes nothing")
                .isInstanceOf(TopicAuthorizationException.class);
        try (Admin admin = Admin.create(new HashMap<>(enrolment))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("samlyft.enrolment.extra", 1, (short) 1)))
                            .all()
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(KafkaException.class);
        }
    }

    private Map<String, Object> settingsOf(String principal) {
        Map<String, Object> settings = new HashMap<>();
        platform.kafkaClient(principal, Map.of()).forEach((key, value) -> settings.put(key.toString(), value));
        return settings;
    }

    /** Sends one record that must not arrive; returns only if the broker acknowledged it. */
    private static void write(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "probe-" + UUID.randomUUID(), "{}"))
                    .get();
        }
    }

    /** How many records the client could read from the start of the topic within a few seconds. */
    private static int readableRecords(Map<String, Object> client, String topic) {
        Properties settings = new Properties();
        settings.putAll(client);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int records = 0;
            while (System.nanoTime() < deadline && records == 0) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
                records += polled.count();
            }
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
            return 0;
        }
    }
}
