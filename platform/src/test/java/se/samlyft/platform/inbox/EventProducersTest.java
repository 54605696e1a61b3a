package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

class EventProducersTest {

    private final EventProducers producers = EventProducers.byConvention();

    @Test
    void acceptsAnEventOfTheTopicsOwnProducer() {
        assertThatCode(() -> producers.check(event(
                        "samlyft.identity.events",
                        "/samlyft/identity-service",
                        "se.samlyft.identity.person-registered.v1")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnEventThatClaimsAnotherSource() {
        assertThatThrownBy(() -> producers.check(event(
                        "samlyft.identity.events",
                        "/samlyft/catalog-service",
                        "se.samlyft.identity.person-registered.v1")))
                .isInstanceOf(EventProducers.ForeignEventException.class)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("/samlyft/catalog-service")
                .hasMessageContaining("/samlyft/identity-service alone");
    }

    @Test
    void refusesAnEventOfAnotherProducersTypeEvenWithTheRightSource() {
        assertThatThrownBy(() -> producers.check(event(
                        "samlyft.identity.events",
                        "/samlyft/identity-service",
                        "se.samlyft.enrolment.enrolment-confirmed.v1")))
                .isInstanceOf(EventProducers.ForeignEventException.class)
                .hasMessageContaining("type of another producer");
    }

    @Test
    void usesTheConfiguredProducerOfATopicNamedOtherwise() {
        EventProducers configured = new EventProducers(Map.of("hr-import", "/samlyft/identity-service"));

        assertThatCode(() -> configured.check(
                        event("hr-import", "/samlyft/identity-service", "se.samlyft.identity.person-registered.v1")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> configured.check(
                        event("hr-import", "/samlyft/reporting-service", "se.samlyft.identity.person-registered.v1")))
                .isInstanceOf(EventProducers.ForeignEventException.class);
    }

    @Test
    void leavesATopicOfNoKnownProducerUnchecked() {
        assertThatCode(() -> producers.check(event("test", "/någon/annan", "se.samlyft.catalog.course-published.v1")))
                .doesNotThrowAnyException();
    }

    private static InboundEvent event(String topic, String source, String type) {
        UUID key = UUID.randomUUID();
        return new InboundEvent(
                UUID.randomUUID().toString(),
                source,
                type,
                key.toString(),
                TenantId.of("arvidsjaur"),
                Instant.parse("2026-09-01T07:00:00Z"),
                "urn:samlyft:schema:" + type,
                key.toString(),
                JsonMapper.builder().build().createObjectNode(),
                new InboundEvent.Position(topic, 0, 7));
    }
}
