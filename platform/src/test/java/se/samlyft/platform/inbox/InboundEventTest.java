package se.samlyft.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samlyft.platform.tenancy.TenantId;

class InboundEventTest {

    private static final UUID COURSE = UUID.fromString("5b1d8f0e-3c2a-4e51-9a57-0c1f7d2e8b44");
    private static final String TOPIC = "samlyft.catalog.events";

    private final TestEvent published = TestEvent.coursePublished("akademi-norr", COURSE, 2, "Dokumentera säkert");

    @Test
    void readsTheAttributesDataAndPositionOfACloudEvent() {
        InboundEvent event = InboundEvent.from(published.received(TOPIC, 41));

        assertThat(event.id()).isEqualTo(published.id());
        assertThat(event.source()).isEqualTo("/samlyft/catalog-service");
        assertThat(event.type()).isEqualTo("se.samlyft.catalog.course-published.v1");
        assertThat(event.subject()).isEqualTo(COURSE.toString());
        assertThat(event.tenant()).isEqualTo(TenantId.of("akademi-norr"));
        assertThat(event.time()).isEqualTo(Instant.parse("2026-09-01T07:00:00Z"));
        assertThat(event.dataSchema()).isEqualTo("urn:samlyft:schema:se.samlyft.catalog.course-published.v1");
        assertThat(event.key()).isEqualTo(COURSE.toString());
        assertThat(event.data().path("title").asString()).isEqualTo("Dokumentera säkert");
        assertThat(event.position()).hasToString(TOPIC + "-0@41");
    }

    @Test
    void readsAValueOfBytesAsItReadsText() {
        ConsumerRecord<String, String> text = published.received(TOPIC, 7);
        ConsumerRecord<byte[], byte[]> bytes =
                new ConsumerRecord<>(TOPIC, 0, 7, published.key().getBytes(UTF_8), published.value());
        text.headers().forEach(header -> bytes.headers().add(header));

        assertThat(InboundEvent.from(bytes)).isEqualTo(InboundEvent.from(text));
    }

    @Test
    void readsAnEventWithoutTenantAsAnEventOfNoTenant() {
        assertThat(InboundEvent.from(published.without("ce_tenantid").received(TOPIC, 1))
                        .tenant())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_source", "ce_type", "ce_specversion"})
    void refusesARecordWithoutARequiredAttribute(String header) {
        assertThatThrownBy(() -> InboundEvent.from(published.without(header).received(TOPIC, 3)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("has no header " + header)
                .hasMessageContaining(TOPIC + "-0@3");
    }

    @Test
    void refusesAnotherVersionOfCloudEvents() {
        assertThatThrownBy(() -> InboundEvent.from(
                        published.header("ce_specversion", "0.3").received(TOPIC, 1)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("CloudEvents 0.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"courseId\": ", "[1, 2]", "\"text\"", "", "{} {}"})
    void refusesDataThatIsNotOneJsonObject(String data) {
        assertThatThrownBy(() -> InboundEvent.from(published.value(data).received(TOPIC, 1)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Event " + published.id());
    }

    @Test
    void refusesARecordWithoutData() {
        ConsumerRecord<String, String> tombstone = new ConsumerRecord<>(TOPIC, 0, 9, published.key(), null);
        published
                .received(TOPIC, 9)
                .headers()
                .forEach(header -> tombstone.headers().add(header));

        assertThatThrownBy(() -> InboundEvent.from(tombstone))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("has no data");
    }

    @Test
    void acceptsJsonContentTypesOnly() {
        assertThat(InboundEvent.from(published
                        .header("content-type", "application/json; charset=utf-8")
                        .received(TOPIC, 1)))
                .isNotNull();
        assertThat(InboundEvent.from(published
                        .header("content-type", "application/cloudevents+json")
                        .received(TOPIC, 1)))
                .isNotNull();
        assertThatThrownBy(() -> InboundEvent.from(
                        published.header("content-type", "application/avro").received(TOPIC, 1)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void refusesATenantThatIsNoTenantIdAndATimeThatIsNoTime() {
        assertThatThrownBy(() -> InboundEvent.from(
                        published.header("ce_tenantid", "Arvidsjaur kommun").received(TOPIC, 1)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_tenantid");
        assertThatThrownBy(() -> InboundEvent.from(published
                        .header("ce_tenantid", "akademi-norr")
                        .header("ce_time", "1 september 2026")
                        .received(TOPIC, 1)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_time");
    }

    @Test
    void readsTheDataAsTheConsumersOwnNarrowerType() {
        InboundEvent event = InboundEvent.from(published.received(TOPIC, 1));

        assertThat(event.dataAs(InboxTestApplication.CoursePublished.class))
                .isEqualTo(new InboxTestApplication.CoursePublished(COURSE, 2, "Dokumentera säkert"));
    }

    @Test
    void refusesDataThatLacksAFieldTheConsumerNeeds() {
        InboundEvent event = InboundEvent.from(published
                .value("{\"courseId\": \"" + COURSE + "\", \"title\": \"Utan version\"}")
                .received(TOPIC, 1));

        assertThatThrownBy(() -> event.dataAs(InboxTestApplication.CoursePublished.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not fit CoursePublished");
    }
}
