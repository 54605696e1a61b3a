package se.samlyft.enrolment.enrolment.messaging;

import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import se.samlyft.enrolment.enrolment.application.KeepingPeopleCopies;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Keeps the copy of identity's people from its events, through the inbox, in the person's organisation's scope. A
 * person who left can no longer enrol, and their live enrolments are withdrawn, freeing their seats. When a person is
 * erased, their enrolments are pseudonymised in the same transaction: a new random person id, and their
 * evaluation comments and resume positions dropped; counts already reported stay correct.
 */
@Component
class IdentityEvents {

    static final String TOPIC = "samlyft.identity.events";
    static final String CONSUMER = "identity-copies";

    private static final String PREFIX = "se.samlyft.identity.";

    private final Inbox inbox;
    private final KeepingPeopleCopies copies;

    IdentityEvents(Inbox inbox, KeepingPeopleCopies copies) {
        this.inbox = inbox;
        this.copies = copies;
    }

    /** The reading of person-registered and person-changed: no name, no occupation, nothing not needed. */
    record PersonFacts(
            UUID personId,
            String organisation,
            long version,
            @Nullable String workplaceId,
            @Nullable UUID managerId) {}

    /** The reading of person-left and person-erased. */
    record PersonGone(UUID personId, String organisation, long version) {}

    @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        apply(InboundEvent.from(record));
    }

    /** Applies one identity event; the Kafka listener's work, also callable with an event built by hand. */
    void apply(InboundEvent event) {
        switch (event.type()) {
            case PREFIX + "person-registered.v1", PREFIX + "person-changed.v1" ->
                inbox.handle(CONSUMER, event, this::person);
            case PREFIX + "person-left.v1" -> {
                inbox.handle(CONSUMER, event, this::left);
                withdrawLiveEnrolments(event);
            }
            case PREFIX + "person-erased.v1" -> inbox.handle(CONSUMER, event, this::erased);
            default -> {
                // Organisations and federations: the offering copies carry the audience already resolved.
            }
        }
    }

    private void person(InboundEvent event) {
        PersonFacts facts = event.dataAs(PersonFacts.class);
        copies.person(new Person(
                facts.personId(),
                TenantId.of(facts.organisation()),
                facts.workplaceId(),
                facts.managerId(),
                PersonStatus.ACTIVE,
                facts.version()));
    }

    private void left(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        copies.left(facts.personId(), TenantId.of(facts.organisation()), facts.version());
    }

    private void withdrawLiveEnrolments(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        copies.withdrawLiveEnrolments(facts.personId(), TenantId.of(facts.organisation()));
    }

    private void erased(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        copies.erased(facts.personId(), TenantId.of(facts.organisation()), facts.version());
    }
}
