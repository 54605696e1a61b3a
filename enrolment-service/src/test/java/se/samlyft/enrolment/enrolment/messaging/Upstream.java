package se.samlyft.enrolment.enrolment.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's and identity's events as enrolment-service receives them, built to the published contracts (and, for
 * identity, to the agreed event list), applied through the service's own consumers exactly as the Kafka listeners
 * apply them.
 */
public final class Upstream {

    public static final String FEDERATION = "akademi-norr";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final CatalogEvents catalog;
    private final IdentityEvents identity;

    public Upstream(ApplicationContext context) {
        this.catalog = context.getBean(CatalogEvents.class);
        this.identity = context.getBean(IdentityEvents.class);
    }

    /** A person of {@code organisation} with a manager (or none), registered with identity. */
    public UUID person(String organisation, @Nullable UUID managerId) {
        UUID id = UUID.randomUUID();
        person(id, organisation, managerId, 1, "person-registered.v1");
        return id;
    }

    public void person(UUID id, String organisation, @Nullable UUID managerId, long version, String type) {
        identity.apply(event(
                "se.samlyft.identity." + type, organisation, id, personData(id, organisation, managerId, version)));
    }

    public static ObjectNode personData(UUID id, String organisation, @Nullable UUID managerId, long version) {
        ObjectNode data = JSON.createObjectNode()
                .put("personId", id.toString())
                .put("organisation", organisation)
                .put("version", version)
                .put("workplaceId", "hemtjanst-centrum")
                .put("workplaceName", "Hemtjänst Centrum")
                .put("occupation", "ASSISTANT_NURSE")
                .put("sex", "WOMAN")
                .put("birthYear", 1979)
                .put("educationLevel", "ISCED_3_4")
                .put("registeredAt", "2026-01-12T08:00:00Z");
        data.putArray("roles").add("participant");
        if (managerId != null) {
            data.put("managerId", managerId.toString());
        }
        return data;
    }

    public void personErased(UUID id, String organisation, long version) {
        identity.apply(event(
                "se.samlyft.identity.person-erased.v1",
                organisation,
                id,
                JSON.createObjectNode()
                        .put("personId", id.toString())
                        .put("organisation", organisation)
                        .put("version", version)
                        .put("erasedAt", Instant.now().toString())));
    }

    public void personLeft(UUID id, String organisation, long version) {
        identity.apply(event(
                "se.samlyft.identity.person-left.v1",
                organisation,
                id,
                JSON.createObjectNode()
                        .put("personId", id.toString())
                        .put("organisation", organisation)
                        .put("version", version)
                        .put("leftOn", "2026-10-01")
                        .put("leftAt", Instant.now().toString())));
    }

    /** A published course; {@code moduleCount} null leaves the property out, as older catalog events do. */
    public UUID course(String format, @Nullable Integer moduleCount) {
        UUID id = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode()
                .put("courseId", id.toString())
                .put("owner", FEDERATION)
                .put("version", 2)
                .put("title", "Välfärdsteknik i hemtjänsten")
                .put("format", format)
                .put("estimatedHours", 6.5)
                .put("publishedAt", Instant.now().toString());
        if (moduleCount != null) {
            data.put("moduleCount", moduleCount);
        }
        catalog.apply(event("se.samlyft.catalog.course-published.v1", FEDERATION, id, data));
        return id;
    }

    /** An offering being scheduled or changed: build it, then {@link #schedule} or {@link #change} it. */
    public static final class OfferingSpec {
        public final UUID id = UUID.randomUUID();
        public UUID courseId;
        public Instant opens = Instant.now().minus(Duration.ofDays(2));
        public Instant closes = Instant.now().plus(Duration.ofDays(10));
        public Instant starts = Instant.now().minus(Duration.ofDays(1));
        public Instant ends = Instant.now().plus(Duration.ofDays(60));
        public int capacity = 10;
        public Map<String, Integer> quotas = Map.of();
        public @Nullable Instant quotaReleaseAt;
        public boolean approvalRequired;
        public boolean paidWorkingTime = true;
        public List<String> audience = List.of("arvidsjaur", "mala", "sorsele");
        public final UUID programmeId = UUID.randomUUID();
        public long version = 1;

        public OfferingSpec(UUID courseId) {
            this.courseId = courseId;
        }

        int pool() {
            return capacity
                    - quotas.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public UUID schedule(OfferingSpec spec) {
        catalog.apply(event(
                "se.samlyft.catalog.offering-scheduled.v1", FEDERATION, spec.id, offeringData(spec, "scheduledAt")));
        return spec.id;
    }

    public void change(OfferingSpec spec) {
        spec.version++;
        catalog.apply(
                event("se.samlyft.catalog.offering-changed.v1", FEDERATION, spec.id, offeringData(spec, "changedAt")));
    }

    public void cancel(OfferingSpec spec) {
        spec.version++;
        catalog.apply(event(
                "se.samlyft.catalog.offering-cancelled.v1",
                FEDERATION,
                spec.id,
                JSON.createObjectNode()
                        .put("offeringId", spec.id.toString())
                        .put("courseId", spec.courseId.toString())
                        .put("owner", FEDERATION)
                        .put("version", spec.version)
                        .put("cancelledAt", Instant.now().toString())));
    }

    public static ObjectNode offeringData(OfferingSpec spec, String timeField) {
        ObjectNode data = JSON.createObjectNode()
                .put("offeringId", spec.id.toString())
                .put("courseId", spec.courseId.toString())
                .put("owner", FEDERATION)
                .put("version", spec.version)
                .put("programmeId", spec.programmeId.toString())
                .put("enrolmentOpensAt", spec.opens.toString())
                .put("enrolmentClosesAt", spec.closes.toString())
                .put("startsAt", spec.starts.toString())
                .put("endsAt", spec.ends.toString())
                .put("online", true)
                .put("capacity", spec.capacity)
                .put("approvalRequired", spec.approvalRequired)
                .put("paidWorkingTime", spec.paidWorkingTime)
                .put("audience", "NAMED")
                .put("pool", spec.pool())
                .put(timeField, Instant.now().toString());
        var audience = data.putArray("audienceTenants");
        spec.audience.forEach(audience::add);
        var quotas = data.putArray("quotas");
        spec.quotas.forEach(
                (tenant, seats) -> quotas.addObject().put("tenant", tenant).put("seats", seats));
        if (spec.quotaReleaseAt != null) {
            data.put("quotaReleaseAt", spec.quotaReleaseAt.toString());
        }
        return data;
    }

    private static InboundEvent event(String type, String tenant, UUID key, ObjectNode data) {
        return new InboundEvent(
                UUID.randomUUID().toString(),
                type.startsWith("se.samlyft.catalog") ? "/samlyft/catalog-service" : "/samlyft/identity-service",
                type,
                key.toString(),
                TenantId.of(tenant),
                Instant.now(),
                "urn:samlyft:schema:" + type,
                key.toString(),
                data,
                new InboundEvent.Position("test", 0, OFFSETS.incrementAndGet()));
    }
}
