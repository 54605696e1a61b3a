package se.samlyft.integration.feed.messaging;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import se.samlyft.contracts.EventContracts;
import se.samlyft.integration.feed.Audiences;
import se.samlyft.integration.feed.EventsAppended;
import se.samlyft.integration.feed.Feed;
import se.samlyft.integration.feed.StoredEvent;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.inbox.MalformedEventException;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumer of the platform's three topics (group {@code integration-service}), the only reader of them on
 * integrators' behalf. Each event of a published type is appended, with the contract's data only, to its own tenant's
 * feed and, for an enrolment on a federation's joint offering, to the federation's feed too; each append queues the
 * deliveries to that tenant's subscriptions in the same transaction. A poll's records are applied in one transaction
 * through the platform's inbox, each append in the scope of the one tenant whose feed it writes. A record that is no
 * event, or whose data does not match its contract, goes to the dead-letter topic.
 */
@Component
class EventIntake {

    static final String CATALOG_TOPIC = "samlyft.catalog.events";
    static final String IDENTITY_TOPIC = "samlyft.identity.events";
    static final String ENROLMENT_TOPIC = "samlyft.enrolment.events";

    /** The inbox's name for appending an event to its own tenant's feed. */
    static final String OWN_FEED = "own-feed";

    /** The inbox's name for appending an event to the feed of the federation whose joint offering it concerns. */
    static final String OFFERING_OWNER_FEED = "offering-owner-feed";

    private final Inbox inbox;
    private final Feed feed;
    private final ContractData contract;
    private final ObjectProvider<EventsAppended> listeners;

    EventIntake(Inbox inbox, Feed feed, EventContracts contracts, ObjectProvider<EventsAppended> listeners) {
        this.inbox = inbox;
        this.feed = feed;
        this.contract = new ContractData(contracts);
        this.listeners = listeners;
    }

    @KafkaListener(
            id = "integration-feed",
            topics = {CATALOG_TOPIC, IDENTITY_TOPIC, ENROLMENT_TOPIC},
            groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handlePoll(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        TenantId tenant = event.tenant();
        if (tenant == null || !contract.isPublished(event.type())) {
            return;
        }
        ObjectNode data = contract.of(event.type(), event.data());
        Instant time = event.time();
        if (time == null) {
            throw new MalformedEventException(event + " has no ce_time, which its contract requires");
        }
        StoredEvent stored = new StoredEvent(
                event.id(), event.type(), aggregateKey(event), time, CloudEventBody.of(event, time, data));
        List<TenantId> audiences = Audiences.of(tenant, event.type(), text(data.get("offeringOwner")));
        inbox.handle(OWN_FEED, event, applied -> append(tenant, stored));
        if (audiences.size() > 1) {
            TenantId owner = audiences.get(1);
            inbox.handle(OFFERING_OWNER_FEED, inScopeOf(owner, event), applied -> append(owner, stored));
        }
    }

    private void append(TenantId tenant, StoredEvent event) {
        if (feed.append(tenant, event)) {
            Inbox.afterCommit(() -> listeners.forEach(EventsAppended::appended));
        }
    }

    private static String aggregateKey(InboundEvent event) {
        if (event.key() != null && !event.key().isBlank()) {
            return event.key();
        }
        return event.subject() != null ? event.subject() : event.id();
    }

    private static @Nullable String text(@Nullable JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The same event, to be applied in the scope of {@code tenant}, whose feed it goes to. */
    private static InboundEvent inScopeOf(TenantId tenant, InboundEvent event) {
        return new InboundEvent(
                event.id(),
                event.source(),
                event.type(),
                event.subject(),
                tenant,
                event.time(),
                event.dataSchema(),
                event.key(),
                event.data(),
                event.position());
    }
}
