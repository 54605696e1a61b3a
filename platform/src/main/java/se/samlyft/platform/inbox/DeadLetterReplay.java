package se.samlyft.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Applies a service's dead letters again, after the cause that sent them there was fixed: it reads the service's
 * dead-letter topic from where the last replay stopped to the end it had when this replay began, turns each record
 * back into the record it was (its original topic, partition, offset and headers) and hands it to the service's own
 * listener of that topic, in this process. No service writes another's topic.
 *
 * <p>Each dead letter is replayed once: the replay's consumer group ({@code <spring.application.name>.dead-letter-replay}
 * , within the service's group ACL) commits past every record it handled. The inbox skips an event applied before,
 * so a record that was applied after all counts as replayed. A record that fails again for good goes back to the end
 * of the dead-letter topic with its new failure, for a later replay; a transient failure stops the replay at that
 * record, which the next replay begins with. Run it on one replica at a time.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";

    private final ConsumerFactory<?, ?> consumers;
    private final ListenerContainers listeners;
    private final DeadLetterTopics deadLetters;
    private final String groupId;

    /** The service's listeners by the topic they consume. */
    @FunctionalInterface
    public interface ListenerContainers {

        /** The listener containers of the service. */
        List<MessageListenerContainer> all();
    }

    /**
     * @param consumers the service's consumer factory (its Kafka principal)
     * @param listeners the service's listener containers, whose listeners apply the replayed records
     * @param deadLetters the service's dead-letter topic, and where a record that fails again goes
     * @param groupId the replay's consumer group, which remembers how far the replays have come
     */
    public DeadLetterReplay(
            ConsumerFactory<?, ?> consumers,
            ListenerContainers listeners,
            DeadLetterTopics deadLetters,
            String groupId) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.deadLetters = deadLetters;
        this.groupId = groupId;
    }

    /** What a replay did. */
    public record Outcome(
            String topic,
            int replayed,
            int failedAgain,
            int waiting,
            @Nullable String stoppedAt,
            List<String> failures) {}

    /** How many dead letters wait for a replay. */
    public synchronized Outcome waiting() {
        if (listeners.all().isEmpty()) {
            return nothing();
        }
        try (Consumer<?, ?> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            return new Outcome(deadLetters.topic(), 0, 0, waiting(consumer, partitions), null, List.of());
        }
    }

    /** Replays the dead letters that wait, in order; a service that consumes nothing has none. */
    public synchronized Outcome replay() {
        if (listeners.all().isEmpty()) {
            return nothing();
        }
        try (Consumer<?, ?> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return nothing();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            startFromCommitted(consumer, partitions);
            int replayed = 0;
            int failedAgain = 0;
            List<String> failures = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (behind(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<?, ?> dead : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(dead.topic(), dead.partition());
                    if (dead.offset() >= end.get(partition)) {
                        continue;
                    }
                    ConsumerRecord<Object, Object> original = original(dead);
                    try {
                        listenerOf(original.topic()).accept(original);
                        replayed++;
                    } catch (RuntimeException failure) {
                        if (TransientFailures.isTransient(failure)) {
                            String where = InboundEvent.Position.of(dead).toString();
                            log.warn(
                                    "Stopped the replay of {} at {}: {}",
                                    deadLetters.topic(),
                                    where,
                                    failure.toString());
                            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(dead.offset())));
                            return new Outcome(
                                    deadLetters.topic(),
                                    replayed,
                                    failedAgain,
                                    waiting(consumer, partitions),
                                    where + ": " + failure.getMessage(),
                                    failures);
                        }
                        deadLetters.recoverer().accept(original, null, failure);
                        failedAgain++;
                        failures.add(InboundEvent.Position.of(original) + ": " + rootMessage(failure));
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(dead.offset() + 1)));
                }
            }
            log.info(
                    "Replayed {} dead letters of {}; {} failed again and went back to it",
                    replayed,
                    deadLetters.topic(),
                    failedAgain);
            return new Outcome(
                    deadLetters.topic(), replayed, failedAgain, waiting(consumer, partitions), null, failures);
        }
    }

    private Outcome nothing() {
        return new Outcome(deadLetters.topic(), 0, 0, 0, null, List.of());
    }

    private Consumer<?, ?> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return consumers.createConsumer(groupId, null, "-dead-letter-replay", properties);
    }

    private List<TopicPartition> partitions(Consumer<?, ?> consumer) {
        return Optional.ofNullable(consumer.partitionsFor(deadLetters.topic())).orElse(List.of()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private static void startFromCommitted(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            consumer.seek(partition, offset == null ? beginning.get(partition) : offset.offset());
        }
    }

    private static int waiting(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long waiting = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset == null ? beginning.get(partition) : offset.offset();
            waiting += Math.max(0, end.get(partition) - from);
        }
        return Math.toIntExact(waiting);
    }

    private static boolean behind(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue());
    }

    /** The record the listener failed on, rebuilt from the dead letter and the headers that describe it. */
    static ConsumerRecord<Object, Object> original(ConsumerRecord<?, ?> dead) {
        String topic = text(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (topic == null) {
            throw new MalformedEventException(InboundEvent.Position.of(dead) + " names no original topic ("
                    + KafkaHeaders.DLT_ORIGINAL_TOPIC + ")");
        }
        Header partitionHeader = dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offsetHeader = dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        int partition = partitionHeader == null || partitionHeader.value().length != Integer.BYTES
                ? 0
                : ByteBuffer.wrap(partitionHeader.value()).getInt();
        long offset = offsetHeader == null || offsetHeader.value().length != Long.BYTES
                ? -1
                : ByteBuffer.wrap(offsetHeader.value()).getLong();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                dead.timestamp(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                dead.key(),
                dead.value(),
                headers,
                Optional.empty());
    }

    /** The service's listener of the topic, fed one record (a listener of polls gets a poll of one). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private java.util.function.Consumer<ConsumerRecord<Object, Object>> listenerOf(String topic) {
        for (MessageListenerContainer container : listeners.all()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics == null || !List.of(topics).contains(topic)) {
                continue;
            }
            Object listener = container.getContainerProperties().getMessageListener();
            if (listener instanceof BatchMessageListener batch) {
                return record -> batch.onMessage(List.of(record), null, null);
            }
            if (listener instanceof MessageListener single) {
                return record -> single.onMessage(record, null, null);
            }
        }
        throw new MalformedEventException("The service has no listener of " + topic + " to replay a dead letter to");
    }

    private static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new HashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
