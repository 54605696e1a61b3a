package se.samlyft.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Sends one batch of outbox events to Kafka and reports which the broker acknowledged, never letting an event
 * overtake an earlier, unacknowledged event of its aggregate.
 *
 * <p>The batch goes out in waves: wave n holds the n-th event of each aggregate, and the next wave leaves only after
 * every send of the current one is settled. An aggregate whose event the broker refuses (too large, not authorised)
 * sends nothing more in this batch; the others go on. A failure that looks like an unreachable broker (a timeout, any
 * retriable error) ends the batch. After a failure the producer is replaced, and each event that failed is sent alone
 * the next times, so that a refused record cannot drag the healthy records of its producer batch down with it.
 */
final class BatchPublisher implements AutoCloseable {

    private static final Duration ACK_GRACE = Duration.ofSeconds(5);
    private static final int CLOSE_TIMEOUT_SECONDS = 5;
    private static final int MAX_SUSPECTS = 1_000;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration ackTimeout;
    private final Set<UUID> suspects = new LinkedHashSet<>();
    private final AtomicLong failedSends = new AtomicLong();

    BatchPublisher(Map<String, Object> serviceProperties, Duration sendTimeout) {
        this.producers = new DefaultKafkaProducerFactory<>(
                producerProperties(serviceProperties, sendTimeout), new StringSerializer(), new ByteArraySerializer());
        this.producers.setPhysicalCloseTimeout(CLOSE_TIMEOUT_SECONDS);
        this.kafka = new KafkaTemplate<>(producers);
        this.kafka.setMicrometerEnabled(false);
        this.kafka.setProducerListener(new ProducerListener<>() {});
        this.ackTimeout = sendTimeout.plus(ACK_GRACE);
    }

    /**
     * The service's producer properties with what the relay relies on: the idempotent producer, acknowledgement by
     * all in-sync replicas, and delivery given up after the send timeout, so every send is settled before the relay
     * moves on. Never transactional.
     */
    static Map<String, Object> producerProperties(Map<String, Object> service, Duration sendTimeout) {
        Map<String, Object> properties = new HashMap<>(service);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        int timeout = (int) sendTimeout.toMillis();
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout / 2));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    /** Wave n of a batch: the n-th event of each aggregate, in outbox order. */
    static List<List<PendingEvent>> waves(List<PendingEvent> events) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<PendingEvent>> waves = new ArrayList<>();
        for (PendingEvent event : events) {
            int wave = seen.merge(event.aggregate(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(event);
        }
        return waves;
    }

    /** Sends the batch, given in outbox order, and returns what the broker acknowledged and the first failure. */
    Result publish(List<PendingEvent> batch) {
        List<PendingEvent> acknowledged = new ArrayList<>(batch.size());
        Set<String> heldBack = new HashSet<>();
        @Nullable String firstFailure = null;
        for (List<PendingEvent> wave : waves(batch)) {
            List<PendingEvent> sendable = wave.stream()
                    .filter(event -> !heldBack.contains(event.aggregate()))
                    .toList();
            List<Failure> failures = new ArrayList<>();
            boolean reachable = sendTogether(
                    sendable.stream()
                            .filter(event -> !suspects.contains(event.id()))
                            .toList(),
                    acknowledged,
                    failures);
            for (PendingEvent suspect : sendable) {
                if (reachable && suspects.contains(suspect.id())) {
                    reachable = sendTogether(List.of(suspect), acknowledged, failures);
                }
            }
            if (!failures.isEmpty()) {
                failedSends.addAndGet(failures.size());
                producers.reset();
                failures.forEach(failure -> suspect(failure.event(), heldBack));
                firstFailure = firstFailure != null
                        ? firstFailure
                        : failures.getFirst().description();
            }
            if (!reachable) {
                break;
            }
        }
        acknowledged.forEach(event -> suspects.remove(event.id()));
        return new Result(acknowledged.stream().map(PendingEvent::position).toList(), firstFailure);
    }

    /**
     * Sends the events together and waits until each send is settled. Returns false when a failure looks like an
     * unreachable broker; a send that fails at once then ends the group, so a missing broker costs one send timeout,
     * not one for each event.
     */
    private boolean sendTogether(List<PendingEvent> events, List<PendingEvent> acknowledged, List<Failure> failures) {
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            CompletableFuture<?> send;
            try {
                send = kafka.send(event.toRecord());
            } catch (RuntimeException refused) {
                send = CompletableFuture.failedFuture(refused);
            }
            sends.add(send);
            if (send.isCompletedExceptionally() && !isRefusal(send.exceptionNow())) {
                break;
            }
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        boolean reachable = true;
        for (int i = 0; i < sends.size(); i++) {
            PendingEvent event = events.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(event);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failures.add(new Failure(event, cause));
                reachable &= isRefusal(cause);
            } catch (TimeoutException e) {
                failures.add(new Failure(event, e));
                reachable = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new Failure(event, e));
                return false;
            }
        }
        return reachable;
    }

    /** Whether the broker or the client refused the record itself, rather than failing to reach the broker. */
    static boolean isRefusal(Throwable failure) {
        boolean refusal = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            refusal |= cause instanceof ApiException;
        }
        return refusal;
    }

    private void suspect(PendingEvent event, Set<String> heldBack) {
        heldBack.add(event.aggregate());
        suspects.add(event.id());
        if (suspects.size() > MAX_SUSPECTS) {
            suspects.remove(suspects.iterator().next());
        }
    }

    /** Sends that failed or timed out since the relay started; each such event stayed in the outbox. */
    long failedSendCount() {
        return failedSends.get();
    }

    @Override
    public void close() {
        producers.destroy();
    }

    /** The positions the broker acknowledged, and the first failure of the batch, if any. */
    record Result(List<Long> acknowledged, @Nullable String failure) {}

    private record Failure(PendingEvent event, Throwable cause) {

        String description() {
            return "event " + event.id() + " (" + event.type() + ") to " + event.topic() + ": " + cause;
        }
    }
}
