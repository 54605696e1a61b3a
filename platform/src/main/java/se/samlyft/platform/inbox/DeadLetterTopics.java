package se.samlyft.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The dead-letter topic of a service's consumers, one per consuming service ({@code samlyft.catalog.dlt}): a record
 * that cannot be applied goes there unchanged, whatever topic it was read from, with Spring Kafka's {@code
 * kafka_dlt-*} headers describing the failure and naming the original topic, partition and offset. Kafka's partitioner
 * picks the partition from the key, so the topic needs no more partitions than it has. A service writes only its own
 * dead-letter topic. It publishes with a producer of its own, configured like the service's, that sends keys and values
 * as the bytes or strings the consumer read.
 */
public class DeadLetterTopics implements DisposableBean {

    private final String topic;
    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final KafkaTemplate<Object, Object> template;

    public DeadLetterTopics(ProducerFactory<?, ?> serviceProducers, String topic) {
        this.topic = topic;
        Map<String, Object> configuration = new HashMap<>(serviceProducers.getConfigurationProperties());
        configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        configuration.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        configuration.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        configuration.computeIfPresent(ProducerConfig.CLIENT_ID_CONFIG, (name, id) -> id + "-dlt");
        this.producers = new DefaultKafkaProducerFactory<>(configuration, bytesOrText(), bytesOrText());
        this.template = new KafkaTemplate<>(producers);
    }

    /** The service's dead-letter topic. */
    public String topic() {
        return topic;
    }

    /**
     * A recoverer for Spring Kafka's error handler that publishes a failed record to its dead-letter topic. A record
     * of a listener of polls fails inside a {@link BatchListenerFailedException}, which names the record; its headers
     * describe the record's own failure, as they do for a listener of single records.
     */
    public DeadLetterPublishingRecoverer recoverer() {
        return new DeadLetterPublishingRecoverer(template, (record, exception) -> new TopicPartition(topic, -1)) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, ownFailure(exception));
            }
        };
    }

    private static Exception ownFailure(Exception exception) {
        @Nullable
        String groupId = exception instanceof ListenerExecutionFailedException listener ? listener.getGroupId() : null;
        Throwable batch = exception instanceof ListenerExecutionFailedException ? exception.getCause() : exception;
        if (batch instanceof BatchListenerFailedException failed && failed.getCause() != null) {
            return new ListenerExecutionFailedException(failed.getMessage(), groupId, failed.getCause());
        }
        return exception;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    private static Serializer<Object> bytesOrText() {
        return new DelegatingByTypeSerializer(
                Map.of(byte[].class, new ByteArraySerializer(), String.class, new StringSerializer()));
    }
}
