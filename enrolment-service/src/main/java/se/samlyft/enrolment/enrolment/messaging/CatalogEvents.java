package se.samlyft.enrolment.enrolment.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import se.samlyft.enrolment.enrolment.application.KeepingCatalogCopies;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.CourseFormat;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Keeps the copies of the catalog's courses and offerings from its events, through the inbox (each event applied
 * once, an older version never over a newer one). Then, for an offering, settles its seats: a cancelled offering
 * cancels its live enrolments, and a changed one (more seats, a new release date) promotes from its waiting list at
 * once. Settling is safe to repeat, so it follows every delivery, also of an event applied before.
 */
@Component
class CatalogEvents {

    static final String TOPIC = "samlyft.catalog.events";
    static final String CONSUMER = "catalog-copies";

    private static final String PREFIX = "se.samlyft.catalog.";

    private final Inbox inbox;
    private final KeepingCatalogCopies copies;

    CatalogEvents(Inbox inbox, KeepingCatalogCopies copies) {
        this.inbox = inbox;
        this.copies = copies;
    }

    /** The catalog's reading of a course event: what decides how an enrolment completes. */
    record CourseFacts(
            UUID courseId,
            String owner,
            long version,
            @Nullable String format,
            @Nullable Integer moduleCount) {}

    /** The reading of offering-scheduled and offering-changed. */
    record OfferingFacts(
            UUID offeringId,
            UUID courseId,
            String owner,
            long version,
            @Nullable UUID programmeId,
            Instant enrolmentOpensAt,
            Instant enrolmentClosesAt,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            boolean approvalRequired,
            boolean paidWorkingTime,
            List<String> audienceTenants,
            @Nullable List<QuotaFacts> quotas,
            int pool,
            @Nullable Instant quotaReleaseAt) {}

    record QuotaFacts(String tenant, int seats) {}

    record OfferingCancelled(UUID offeringId, long version, Instant cancelledAt) {}

    @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        apply(InboundEvent.from(record));
    }

    /** Applies one catalog event; the Kafka listener's work, also callable with an event built by hand. */
    void apply(InboundEvent event) {
        switch (event.type()) {
            case PREFIX + "course-published.v1", PREFIX + "course-changed.v1" ->
                inbox.handle(CONSUMER, event, this::course);
            case PREFIX + "offering-scheduled.v1", PREFIX + "offering-changed.v1" -> {
                inbox.handle(CONSUMER, event, this::offering);
                copies.promoteFromWaitingList(event.dataAs(OfferingFacts.class).offeringId());
            }
            case PREFIX + "offering-cancelled.v1" -> {
                inbox.handle(CONSUMER, event, this::cancelled);
                copies.cancelEnrolments(event.dataAs(OfferingCancelled.class).offeringId());
            }
            default -> {
                // Programmes and archived courses change nothing about enrolments.
            }
        }
    }

    private void course(InboundEvent event) {
        CourseFacts facts = event.dataAs(CourseFacts.class);
        copies.course(new Course(
                facts.courseId(),
                TenantId.of(facts.owner()),
                facts.format() == null ? null : CourseFormat.valueOf(facts.format()),
                facts.moduleCount(),
                facts.version()));
    }

    private void offering(InboundEvent event) {
        OfferingFacts facts = event.dataAs(OfferingFacts.class);
        Map<TenantId, Integer> quotas = facts.quotas() == null
                ? Map.of()
                : facts.quotas().stream()
                        .collect(Collectors.toMap(quota -> TenantId.of(quota.tenant()), QuotaFacts::seats));
        copies.offering(new Offering(
                facts.offeringId(),
                facts.courseId(),
                TenantId.of(facts.owner()),
                facts.programmeId(),
                facts.enrolmentOpensAt(),
                facts.enrolmentClosesAt(),
                facts.startsAt(),
                facts.endsAt(),
                facts.capacity(),
                quotas,
                facts.pool(),
                facts.quotaReleaseAt(),
                facts.audienceTenants().stream().map(TenantId::of).toList(),
                facts.approvalRequired(),
                facts.paidWorkingTime(),
                false,
                facts.version()));
    }

    private void cancelled(InboundEvent event) {
        OfferingCancelled facts = event.dataAs(OfferingCancelled.class);
        copies.cancelled(facts.offeringId(), facts.version(), facts.cancelledAt());
    }
}
