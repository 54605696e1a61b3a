package se.samlyft.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import se.samlyft.deploy.LocalPlatform;

/**
 * What the platform has still to carry: the events waiting in the services' outboxes and the records the services'
 * consumer groups have not yet consumed. Waiting for both to reach zero is waiting for every copy and read model to
 * have caught up with everything written so far.
 */
final class Backlog implements AutoCloseable {

    private static final List<String> DATABASES = List.of("identity", "catalog", "enrolment", "reporting");
    private static final List<String> CONSUMERS = List.of("catalog-service", "enrolment-service", "reporting-service");

    private final LocalPlatform platform;
    private final Admin kafka;

    Backlog(LocalPlatform platform) {
        this.platform = platform;
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientSettings("admin"));
        this.kafka = Admin.create(properties);
    }

    /** What waits: events per service outbox, and records per consumer group. */
    record Waiting(Map<String, Long> outboxes, Map<String, Long> consumers) {
        long total() {
            return outboxes.values().stream().mapToLong(Long::longValue).sum()
                    + consumers.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "outboxes " + outboxes + ", consumer lag " + consumers;
        }
    }

    Waiting now() throws SQLException, ExecutionException, InterruptedException {
        Map<String, Long> outboxes = new HashMap<>();
        for (String database : DATABASES) {
            LocalPlatform.Database db = platform.database(database);
            try (Connection connection = DriverManager.getConnection(db.url(), db.owner(), db.owner());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from samlyft.outbox_event")) {
                rows.next();
                outboxes.put(database, rows.getLong(1));
            }
        }
        Map<String, Long> consumers = new HashMap<>();
        List<String> groups = kafka.listConsumerGroups().all().get().stream()
                .map(ConsumerGroupListing::groupId)
                .toList();
        for (String group : CONSUMERS) {
            consumers.put(group, groups.contains(group) ? lag(group) : -1L);
        }
        return new Waiting(outboxes, consumers);
    }

    private long lag(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                kafka.listOffsets(latest).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            long at = entry.getValue() == null ? 0 : entry.getValue().offset();
            lag += Math.max(0, ends.get(entry.getKey()).offset() - at);
        }
        return lag;
    }

    /**
     * Waits until nothing waits, telling every {@code every} what still does; returns how long it took.
     *
     * @throws IllegalStateException if nothing moved for {@code stalled}
     */
    Duration awaitEmpty(PrintStream out, Duration every, Duration stalled) throws Exception {
        Instant began = Instant.now();
        Instant lastMove = began;
        Instant nextReport = began.plus(every);
        long last = Long.MAX_VALUE;
        while (true) {
            Waiting waiting = now();
            if (waiting.total() == 0 && !waiting.consumers().containsValue(-1L)) {
                return Duration.between(began, Instant.now());
            }
            if (waiting.total() < last) {
                last = waiting.total();
                lastMove = Instant.now();
            } else if (Duration.between(lastMove, Instant.now()).compareTo(stalled) > 0) {
                throw new IllegalStateException("Nothing moved for " + stalled.toSeconds() + " s: " + waiting);
            }
            if (Instant.now().isAfter(nextReport)) {
                out.println(Progress.PREFIX + "  waiting for the platform to catch up: " + waiting);
                nextReport = Instant.now().plus(every);
            }
            Thread.sleep(1_000);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
