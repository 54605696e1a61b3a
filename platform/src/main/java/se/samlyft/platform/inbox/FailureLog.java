package se.samlyft.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.RetryListener;

/** Logs each failed attempt at a record, and the record's way to the dead-letter topic, where it was read. */
final class FailureLog implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

    private final DeadLetterTopics deadLetterTopics;

    FailureLog(DeadLetterTopics deadLetterTopics) {
        this.deadLetterTopics = deadLetterTopics;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        log.warn("Attempt {} at {} failed: {}", deliveryAttempt, positionOf(record), causeOf(exception));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
        log.error(
                "Sent {} to {}: {}",
                positionOf(record),
                deadLetterTopics.topic(),
                causeOf(exception),
                NestedExceptionUtils.getMostSpecificCause(exception));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error(
                "Could not send {} to {}; it will be tried again",
                positionOf(record),
                deadLetterTopics.topic(),
                failure);
    }

    private static String positionOf(ConsumerRecord<?, ?> record) {
        return InboundEvent.Position.of(record).toString();
    }

    private static String causeOf(Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
