package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class BatchPublisherTest {

    @Test
    void aBatchGoesOutInWavesThatHoldAtMostOneEventOfEachAggregate() {
        List<PendingEvent> batch = List.of(
                event(1, "course-a"), event(2, "course-a"), event(3, "course-b"), event(4, "course-a"), event(5, "c"));

        List<List<Long>> waves = BatchPublisher.waves(batch).stream()
                .map(wave -> wave.stream().map(PendingEvent::position).toList())
                .toList();

        assertThat(waves).containsExactly(List.of(1L, 3L, 5L), List.of(2L), List.of(4L));
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndGivesUpWithinTheSendTimeout() {
        Map<String, Object> service = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "catalog-tx");

        Map<String, Object> relay = BatchPublisher.producerProperties(service, Duration.ofSeconds(10));

        assertThat(relay)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void aRefusedRecordIsToldApartFromABrokerThatCannotBeReached() {
        assertThat(BatchPublisher.isRefusal(new RecordTooLargeException("too large")))
                .isTrue();
        assertThat(BatchPublisher.isRefusal(
                        new KafkaProducerException(null, "Failed to send", new TopicAuthorizationException("no"))))
                .isTrue();
        assertThat(BatchPublisher.isRefusal(new TimeoutException("expired"))).isFalse();
        assertThat(BatchPublisher.isRefusal(new IllegalStateException("unknown")))
                .isFalse();
    }

    private static PendingEvent event(long position, String key) {
        return new PendingEvent(
                position,
                "samlyft.catalog.events",
                key,
                UUID.randomUUID(),
                "/samlyft/catalog-service",
                "se.samlyft.catalog.course-published.v1",
                key,
                Instant.now(),
                "urn:samlyft:schema:se.samlyft.catalog.course-published.v1",
                "sorsele",
                "{}");
    }
}
