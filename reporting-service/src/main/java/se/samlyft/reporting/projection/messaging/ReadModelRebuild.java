package se.samlyft.reporting.projection.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.inbox.MalformedEventException;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.RebuildProgress;

/**
 * Builds a new generation of the read model from the start of the topics while the current one keeps answering, then
 * switches the reports over to it and deletes the old one. It reads each topic from its first offset to the end it
 * had when the rebuild began, with a consumer of no group (partitions assigned, nothing committed), in {@link
 * EventTypes#REBUILD_ORDER}, each poll's records in one transaction; what arrives later, the live listener applies to
 * both generations. The inbox keeps each event applied once per generation. A record that is no event, or that the
 * projection refuses, is passed over, as the live consumer sent it to the dead-letter topic.
 */
@Component
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int RETRIES = 5;

    private final ConsumerFactory<String, String> consumers;
    private final Inbox inbox;
    private final ReadModel readModel;
    private final EventProjection projection;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("read-model-rebuild").factory());
    private volatile boolean stopping;

    ReadModelRebuild(
            ConsumerFactory<String, String> consumers,
            Inbox inbox,
            ReadModel readModel,
            EventProjection projection,
            Clock clock) {
        this.consumers = consumers;
        this.inbox = inbox;
        this.readModel = readModel;
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Starts building the next generation in the background.
     *
     * @return the generation being built
     * @throws Conflict if a rebuild is running already
     */
    public int start() {
        int generation;
        try {
            generation = readModel.startBuilding(clock.instant());
        } catch (IllegalStateException running) {
            throw new Conflict("A rebuild of the read model is running already: " + running.getMessage());
        }
        readModel.deleteRetiredGenerations();
        log.info("Rebuilding the read model as generation {}", generation);
        worker.execute(() -> build(generation));
        return generation;
    }

    /**
     * Gives up the generation being built, for a rebuild that can no longer finish (its replica stopped); the reports
     * keep the current generation.
     *
     * @return the generation given up, if one was being built
     */
    public OptionalInt abandon() {
        OptionalInt building = readModel.generations().building();
        if (building.isPresent()) {
            readModel.abandon(building.getAsInt());
            readModel.deleteRetiredGenerations();
            log.info("Gave up building generation {}", building.getAsInt());
        }
        return building;
    }

    private void build(int generation) {
        try {
            long applied = 0;
            try (Consumer<String, String> consumer =
                    consumers.createConsumer(null, "reporting-rebuild-g" + generation, null, unsubscribedConsumer())) {
                Map<String, Span> spans = new LinkedHashMap<>();
                for (String topic : EventTypes.REBUILD_ORDER) {
                    spans.put(topic, Span.of(consumer, topic));
                }
                long total = spans.values().stream().mapToLong(Span::records).sum();
                long done = 0;
                readModel.recordRebuildProgress(generation, new RebuildProgress(0, total));
                for (Span span : spans.values()) {
                    applied += replay(consumer, span, generation, done, total);
                    done += span.records();
                }
            }
            if (stopping) {
                readModel.abandon(generation);
                return;
            }
            readModel.switchTo(generation, clock.instant());
            readModel.deleteRetiredGenerations();
            log.info("The reports read generation {} now, rebuilt from {} events", generation, applied);
        } catch (RuntimeException failure) {
            log.error("The rebuild of generation {} failed; the reports keep the current one", generation, failure);
            readModel.abandon(generation);
        }
    }

    /**
     * A topic's partitions with the offsets they had when the rebuild began: it reads each from its first offset to
     * that end, and what arrives later the live listener applies to the new generation too.
     */
    private record Span(Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends) {

        static Span of(Consumer<String, String> consumer, String topic) {
            @Nullable List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions == null || partitions.isEmpty()) {
                return new Span(Map.of(), Map.of());
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            return new Span(consumer.beginningOffsets(assigned), consumer.endOffsets(assigned));
        }

        long records() {
            return ends.entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginnings.getOrDefault(end.getKey(), 0L))
                    .sum();
        }

        /** How far into the span the consumer's positions are. */
        long read(Consumer<String, String> consumer) {
            return ends.entrySet().stream()
                    .mapToLong(end -> Math.min(end.getValue(), consumer.position(end.getKey()))
                            - beginnings.getOrDefault(end.getKey(), 0L))
                    .sum();
        }
    }

    private long replay(Consumer<String, String> consumer, Span span, int generation, long done, long total) {
        if (span.ends().isEmpty()) {
            return 0;
        }
        List<TopicPartition> assigned = List.copyOf(span.ends().keySet());
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = span.ends();
        AtomicLong applied = new AtomicLong();
        while (!stopping
                && assigned.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            List<ConsumerRecord<String, String>> poll = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    poll.add(record);
                }
            }
            apply(generation, poll, applied);
            readModel.recordRebuildProgress(generation, new RebuildProgress(done + span.read(consumer), total));
        }
        return applied.get();
    }

    /**
     * Applies a poll's records in one transaction, passing over those the projection refuses. The live consumer writes
     * to the same generation meanwhile, so the two polls' transactions may deadlock; the one PostgreSQL gives up is
     * tried again from the record it failed at, a few times, before the rebuild gives up.
     */
    private void apply(int generation, List<ConsumerRecord<String, String>> records, AtomicLong applied) {
        List<ConsumerRecord<String, String>> remaining = records;
        int attempts = 0;
        while (!remaining.isEmpty()) {
            try {
                inbox.handlePoll(remaining, record -> {
                    if (projection.apply(generation, InboundEvent.from(record))) {
                        Inbox.afterCommit(applied::incrementAndGet);
                    }
                });
                return;
            } catch (BatchListenerFailedException failed) {
                InboundEvent.Position failing = InboundEvent.Position.of(remaining.get(failed.getIndex()));
                if (failed.getCause() instanceof MalformedEventException
                        || failed.getCause() instanceof IllegalArgumentException) {
                    log.warn(
                            "Passed over {} in the rebuild: {}",
                            failing,
                            failed.getCause().getMessage());
                    remaining = remaining.subList(failed.getIndex() + 1, remaining.size());
                } else if (failed.getCause() instanceof TransientDataAccessException && ++attempts <= RETRIES) {
                    log.info(
                            "Trying {} again in the rebuild: {}",
                            failing,
                            failed.getCause().getMessage());
                    remaining = remaining.subList(failed.getIndex(), remaining.size());
                    pause(attempts);
                } else {
                    throw failed;
                }
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the rebuild waited to try again", e);
        }
    }

    private static Properties unsubscribedConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return properties;
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdown();
    }
}
