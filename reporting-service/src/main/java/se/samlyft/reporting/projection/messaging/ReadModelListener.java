package se.samlyft.reporting.projection.messaging;

import static se.samlyft.reporting.projection.messaging.EventTypes.CATALOG_TOPIC;
import static se.samlyft.reporting.projection.messaging.EventTypes.ENROLMENT_TOPIC;
import static se.samlyft.reporting.projection.messaging.EventTypes.IDENTITY_TOPIC;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.reporting.projection.Generations;
import se.samlyft.reporting.projection.ReadModel;

/**
 * The live consumer of the three topics: applies each event to the current generation and, while a rebuild runs, to
 * the generation being built, so the new one misses nothing that arrives meanwhile. The records of a poll are applied
 * in one transaction (see {@link Inbox#handlePoll}). A record that is no event, or that cannot be applied after the
 * platform's retries, goes to reporting's dead-letter topic, {@code samlyft.reporting.dlt}; a transient failure is
 * retried until it passes.
 */
@Component
class ReadModelListener {

    private final Inbox inbox;
    private final ReadModel readModel;
    private final EventProjection projection;
    private final Freshness freshness;

    ReadModelListener(Inbox inbox, ReadModel readModel, EventProjection projection, Freshness freshness) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.projection = projection;
        this.freshness = freshness;
    }

    @KafkaListener(
            id = "reporting-read-model",
            topics = {CATALOG_TOPIC, IDENTITY_TOPIC, ENROLMENT_TOPIC},
            groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handlePoll(records, this::apply);
    }

    /**
     * Applies a record to the active generations, which the poll's transaction holds from the first record on: a
     * rebuild cannot start, switch or be abandoned until the poll has committed.
     */
    private void apply(ConsumerRecord<String, String> record) {
        Generations generations = readModel.generationsWhileApplying();
        InboundEvent event = InboundEvent.from(record);
        for (int generation : generations.active()) {
            boolean applied = projection.apply(generation, event);
            if (applied && generation == generations.current()) {
                Inbox.afterCommit(() -> freshness.applied(event));
            }
        }
    }
}
