package se.samlyft.catalog.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import se.samlyft.catalog.federation.Federations.Membership;
import se.samlyft.catalog.offering.EnrolledOrganisations;
import se.samlyft.catalog.offering.SeatsTaken;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What the catalog takes from other services' events, each applied once through the inbox: federation membership
 * from identity-service, and from enrolment-service the seats taken and the organisations enrolled on each offering. Other event types on those topics are not the
 * catalog's concern and are passed over.
 */
@Component
class ConsumedEvents {

    static final String IDENTITY_TOPIC = "samlyft.identity.events";
    static final String ENROLMENT_TOPIC = "samlyft.enrolment.events";

    static final String MEMBERSHIP_CHANGED = "se.samlyft.identity.federation-membership-changed.v1";
    private static final String ENROLMENT_PREFIX = "se.samlyft.enrolment.";

    /** The enrolment states in which an enrolment holds a seat of its offering. */
    static final Set<String> SEAT_HOLDING_STATES = Set.of("AWAITING_APPROVAL", "CONFIRMED", "IN_PROGRESS", "COMPLETED");

    private static final Logger log = LoggerFactory.getLogger(ConsumedEvents.class);

    private final Inbox inbox;
    private final MembershipChanges membershipChanges;
    private final SeatsTaken seatsTaken;
    private final EnrolledOrganisations enrolled;

    ConsumedEvents(
            Inbox inbox, MembershipChanges membershipChanges, SeatsTaken seatsTaken, EnrolledOrganisations enrolled) {
        this.inbox = inbox;
        this.membershipChanges = membershipChanges;
        this.seatsTaken = seatsTaken;
        this.enrolled = enrolled;
    }

    @KafkaListener(topics = IDENTITY_TOPIC, groupId = "${spring.application.name}")
    void onIdentityEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.type().equals(MEMBERSHIP_CHANGED)) {
            inbox.handle("federation-membership", event, this::applyMembership);
        }
    }

    /** Enrolment events come many at a time in a rush; a poll's records are applied in one transaction. */
    @KafkaListener(topics = ENROLMENT_TOPIC, groupId = "${spring.application.name}", batch = "true")
    void onEnrolmentEvents(List<ConsumerRecord<String, String>> records) {
        inbox.handlePoll(records, this::onEnrolmentEvent);
    }

    void onEnrolmentEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (!event.type().startsWith(ENROLMENT_PREFIX)) {
            return;
        }
        EnrolmentState enrolment = event.dataAs(EnrolmentState.class);
        // The seat counts belong to the offering's owner, while the event belongs to the person's organisation.
        InboundEvent ofOwner = new InboundEvent(
                event.id(),
                event.source(),
                event.type(),
                event.subject(),
                TenantId.of(enrolment.offeringOwner()),
                event.time(),
                event.dataSchema(),
                event.key(),
                event.data(),
                event.position());
        inbox.handle("seats-taken", ofOwner, applied -> {
            TenantId owner = TenantId.of(enrolment.offeringOwner());
            seatsTaken.record(
                    enrolment.enrolmentId(),
                    enrolment.offeringId(),
                    owner,
                    SEAT_HOLDING_STATES.contains(enrolment.state()),
                    enrolment.version());
            enrolled.record(enrolment.offeringId(), owner, TenantId.of(enrolment.organisation()));
        });
    }

    private void applyMembership(InboundEvent event) {
        MembershipChanged changed = event.dataAs(MembershipChanged.class);
        List<Membership> members = changed.members().stream()
                .flatMap(member -> Membership.consented(
                        TenantId.of(member.tenant()), member.joinedOn(), member.leftOn(), member.acceptedOn())
                        .stream())
                .toList();
        int offerings = membershipChanges
                .apply(TenantId.of(changed.federation()), changed.version(), members)
                .size();
        log.info(
                "Federation {} membership version {} applied; {} offerings resolved their audience again",
                changed.federation(),
                changed.version(),
                offerings);
    }

    /**
     * The part of {@code federation-membership-changed.v1} the catalog reads; a member counts from the day it accepted
     * at the earliest, whatever else the event says.
     */
    record MembershipChanged(String federation, long version, List<Member> members) {

        record Member(
                String tenant,
                LocalDate joinedOn,
                @Nullable LocalDate leftOn,
                @Nullable LocalDate acceptedOn) {}
    }

    /** The part of every enrolment event the catalog reads. */
    record EnrolmentState(
            UUID enrolmentId, UUID offeringId, String offeringOwner, String organisation, String state, long version) {}
}
