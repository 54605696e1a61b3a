package se.samlyft.catalog.messaging;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samlyft.catalog.course.CourseContent;
import se.samlyft.catalog.course.CourseEvent;
import se.samlyft.catalog.offering.Location;
import se.samlyft.catalog.offering.OfferingEvent;
import se.samlyft.catalog.offering.OfferingTerms;
import se.samlyft.catalog.programme.FunderCodes;
import se.samlyft.catalog.programme.ProgrammeEvent;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.platform.outbox.Outbox;
import se.samlyft.platform.outbox.OutboxEvent;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates the catalog's domain events into its integration events, the published contract, and appends them to
 * the outbox in the transaction that stored the change. Events carry ids and facts, never personal data.
 */
@Component
class CatalogEventTranslator {

    /** The catalog's topic; the record key is the id of the course, offering or programme. */
    static final String TOPIC = "samlyft.catalog.events";

    private static final String PREFIX = "se.samlyft.catalog.";

    private final Outbox outbox;
    private final JsonMapper json = JsonMapper.builder().build();

    CatalogEventTranslator(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(CourseEvent event) {
        ObjectNode data = course(event.courseId(), event.owner(), event.version());
        String type = switch (event) {
            case CourseEvent.Published published -> {
                facts(data, published.content());
                data.put("publishedAt", published.at().toString());
                yield "course-published.v1";
            }
            case CourseEvent.Changed changed -> {
                facts(data, changed.content());
                data.put("changedAt", changed.at().toString());
                yield "course-changed.v1";
            }
            case CourseEvent.Archived archived -> {
                data.put("archivedAt", archived.at().toString());
                yield "course-archived.v1";
            }
        };
        append(type, event.courseId(), event.owner(), data);
    }

    @EventListener
    void on(ProgrammeEvent event) {
        ObjectNode data = json.createObjectNode()
                .put("programmeId", event.programmeId().toString())
                .put("owner", event.owner().value())
                .put("version", event.version());
        terms(data, event.terms());
        String type = switch (event) {
            case ProgrammeEvent.Registered registered -> {
                data.put("registeredAt", registered.at().toString());
                yield "programme-registered.v1";
            }
            case ProgrammeEvent.Changed changed -> {
                data.put("changedAt", changed.at().toString());
                yield "programme-changed.v1";
            }
        };
        append(type, event.programmeId(), event.owner(), data);
    }

    @EventListener
    void on(OfferingEvent event) {
        OfferingEvent.Snapshot offering = event.offering();
        ObjectNode data = json.createObjectNode()
                .put("offeringId", offering.offeringId().toString())
                .put("courseId", offering.courseId().toString())
                .put("owner", offering.owner().value())
                .put("version", offering.version());
        String type = switch (event) {
            case OfferingEvent.Scheduled scheduled -> {
                seats(data, offering);
                data.put("scheduledAt", scheduled.at().toString());
                yield "offering-scheduled.v1";
            }
            case OfferingEvent.Changed changed -> {
                seats(data, offering);
                data.put("changedAt", changed.at().toString());
                yield "offering-changed.v1";
            }
            case OfferingEvent.Cancelled cancelled -> {
                data.put("cancelledAt", cancelled.at().toString());
                yield "offering-cancelled.v1";
            }
        };
        append(type, offering.offeringId(), offering.owner(), data);
    }

    private static void seats(ObjectNode data, OfferingEvent.Snapshot offering) {
        OfferingTerms terms = offering.terms();
        Location location = terms.location();
        if (terms.programmeId() != null) {
            data.put("programmeId", String.valueOf(terms.programmeId()));
        }
        data.put("enrolmentOpensAt", terms.enrolmentOpensAt().toString())
                .put("enrolmentClosesAt", terms.enrolmentClosesAt().toString())
                .put("startsAt", terms.startsAt().toString())
                .put("endsAt", terms.endsAt().toString())
                .put("online", location.online());
        putIfPresent(data, "municipalityCode", location.municipalityCode());
        putIfPresent(data, "venue", location.venue());
        data.put("capacity", terms.capacity())
                .put("approvalRequired", terms.approvalRequired())
                .put("paidWorkingTime", terms.paidWorkingTime())
                .put("audience", terms.audience().name());
        var audience = data.putArray("audienceTenants");
        offering.audienceTenants().forEach(tenant -> audience.add(tenant.value()));
        var quotas = data.putArray("quotas");
        terms.quotas()
                .forEach(quota ->
                        quotas.addObject().put("tenant", quota.member().value()).put("seats", quota.seats()));
        data.put("pool", terms.pool());
        if (terms.quotaReleaseAt() != null) {
            data.put("quotaReleaseAt", String.valueOf(terms.quotaReleaseAt()));
        }
    }

    private ObjectNode course(UUID id, TenantId owner, long version) {
        return json.createObjectNode()
                .put("courseId", id.toString())
                .put("owner", owner.value())
                .put("version", version);
    }

    private static void facts(ObjectNode data, CourseContent content) {
        data.put("title", content.title());
        content.themes().forEach(data.putArray("themes")::add);
        content.targetOccupations().forEach(data.putArray("targetOccupations")::add);
        data.put("format", content.format().name());
        data.put("estimatedHours", content.estimatedHours());
        data.put("formal", content.formal());
        data.put("language", content.language());
        data.put("moduleCount", content.modules().size());
    }

    private static void terms(ObjectNode data, ProgrammeTerms terms) {
        data.put("number", terms.number())
                .put("name", terms.name())
                .put("funder", terms.funder().name())
                .put("region", terms.region())
                .put("startDate", terms.start().toString())
                .put("endDate", terms.end().toString())
                .put("totalBudgetSek", terms.totalBudgetSek())
                .put("grantSek", terms.grantSek())
                .put("coFinancingRatePercent", terms.coFinancingRatePercent())
                .put("plannedParticipants", terms.plannedParticipants());
        FunderCodes codes = terms.codes();
        putIfPresent(data, "programmeArea", codes.programmeArea());
        putIfPresent(data, "specificObjective", codes.specificObjective());
        putIfPresent(data, "interventionType", codes.interventionType());
        var partners = data.putArray("partners");
        terms.partners().forEach(partner -> partners.add(partner.value()));
    }

    private static void putIfPresent(ObjectNode data, String field, @Nullable String value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    private void append(String type, UUID aggregateId, TenantId owner, ObjectNode data) {
        outbox.append(OutboxEvent.of(TOPIC, PREFIX + type, aggregateId.toString(), owner, data));
    }
}
