package se.samlyft.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Topics of the outbox tests on a real broker: created fresh for each test, read back in full. */
final class EventTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;

    EventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A new topic with a unique name, the given number of partitions and topic configuration. */
    String create(int partitions, Map<String, String> configs) {
        String topic = "samlyft.outbox-test-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        withAdmin(admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                .all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        return topic;
    }

    /** A new topic with a unique name and three partitions. */
    String create() {
        return create(3, Map.of());
    }

    void alterConfig(String topic, String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
        withAdmin(admin -> admin.incrementalAlterConfigs(Map.of(resource, List.of(set)))
                .all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }

    /** Every record the topic holds now, partition by partition, each partition in offset order. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + ends + " of " + topic + " in " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of each key, in the order a consumer of the key's partition sees them. */
    static Map<String, List<ConsumerRecord<String, byte[]>>> byKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
        records.forEach(record ->
                byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record));
        return byKey;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), UTF_8);
    }

    static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), UTF_8);
    }

    private void withAdmin(AdminWork work) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            work.run(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka refused an admin request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface AdminWork {
        void run(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
    }
}
