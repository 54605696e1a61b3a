package se.samlyft.enrolment.enrolment.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

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
    private final People people;
    private final Enrolments enrolments;
    private final Seats seats;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdentityEvents(
            Inbox inbox,
            People people,
            Enrolments enrolments,
            Seats seats,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.inbox = inbox;
        this.people = people;
        this.enrolments = enrolments;
        this.seats = seats;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
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
        people.save(new Person(
                facts.personId(),
                TenantId.of(facts.organisation()),
                facts.workplaceId(),
                facts.managerId(),
                PersonStatus.ACTIVE,
                facts.version()));
    }

    private void left(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        people.left(facts.personId(), TenantId.of(facts.organisation()), facts.version());
    }

    /**
     * Withdraws the live enrolments of a person who left, each at its offering's desk so that the seat goes to the next
     * person waiting. Safe to repeat: a redelivery finds nothing live.
     */
    private void withdrawLiveEnrolments(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        List<Enrolment> live = TenantContext.callAs(
                TenantScope.of(TenantId.of(facts.organisation())),
                () -> transaction.execute(status -> enrolments.liveOf(facts.personId())));
        for (Enrolment enrolment : live == null ? List.<Enrolment>of() : live) {
            seats.atOffering(
                    enrolment.offeringId(),
                    desk -> desk.withdraw(enrolment.id(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
    }

    private void erased(InboundEvent event) {
        PersonGone facts = event.dataAs(PersonGone.class);
        people.erased(facts.personId(), TenantId.of(facts.organisation()), facts.version());
        enrolments.pseudonymise(facts.personId());
    }
}
