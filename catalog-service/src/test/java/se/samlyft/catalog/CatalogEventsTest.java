package se.samlyft.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.course.CourseFixture.course;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOfFederation;
import static se.samlyft.catalog.programme.ProgrammeFixture.valfardsteknologi;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.samlyft.contracts.EventContracts;
import se.samlyft.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the catalog publishes, read back from the real broker's topic as a consumer reads it. */
class CatalogEventsTest extends AgainstTheCatalog {

    private static final String TOPIC = "samlyft.catalog.events";
    private static final String TENANT = "vilhelmina";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventContracts contracts = EventContracts.load();

    @Test
    void eachChangeOfAPublishedCourseIsPublishedInOrderAndMatchesItsSchema() {
        String coordinator = coordinatorOf(TENANT);
        String id = api.post(
                        "/api/catalog/courses",
                        coordinator,
                        course("Dokumentera säkert").json())
                .json()
                .path("id")
                .asString();
        String course = "/api/catalog/courses/" + id;
        api.put(
                course,
                coordinator,
                "\"1\"",
                course("Dokumentera säkert, utkast 2").json());
        api.post(course + "/publish", coordinator);
        api.put(
                course,
                coordinator,
                "\"3\"",
                course("Dokumentera säkert i hemtjänsten")
                        .themes("säker dokumentation", "hemtjänst")
                        .json());
        api.post(course + "/archive", coordinator);

        List<ConsumerRecord<String, String>> events = recordsOf(id, 3);

        assertThat(events)
                .extracting(CatalogEventsTest::typeOf)
                .containsExactly(
                        "se.samlyft.catalog.course-published.v1",
                        "se.samlyft.catalog.course-changed.v1",
                        "se.samlyft.catalog.course-archived.v1");
        assertThat(events)
                .extracting(event -> data(event).path("version").asLong())
                .containsExactly(3L, 4L, 5L);
        assertThat(events).allSatisfy(this::matchesItsSchema);
        assertThat(events)
                .allSatisfy(event -> assertThat(header(event, "ce_tenantid")).isEqualTo(TENANT));
        JsonNode changed = data(events.get(1));
        assertThat(changed.path("title").asString()).isEqualTo("Dokumentera säkert i hemtjänsten");
        assertThat(changed.path("themes").get(1).asString()).isEqualTo("hemtjänst");
        assertThat(changed.path("estimatedHours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(changed.path("moduleCount").asInt()).isEqualTo(2);
    }

    @Test
    void registeringAndAmendingAProgrammeArePublishedWithoutPersonalData() {
        String coordinator = coordinatorOf(TENANT);
        var registered = api.post(
                "/api/catalog/programmes",
                coordinator,
                valfardsteknologi("2022/00042").toString());
        String id = registered.json().path("id").asString();
        api.put(
                registered.header("Location"),
                coordinator,
                "\"1\"",
                valfardsteknologi("2022/00042").put("plannedParticipants", 1000).toString());

        List<ConsumerRecord<String, String>> events = recordsOf(id, 2);

        assertThat(events)
                .extracting(CatalogEventsTest::typeOf)
                .containsExactly(
                        "se.samlyft.catalog.programme-registered.v1", "se.samlyft.catalog.programme-changed.v1");
        assertThat(events).allSatisfy(this::matchesItsSchema);
        assertThat(data(events.get(1)).path("plannedParticipants").asInt()).isEqualTo(1000);
        assertThat(events.get(0).value()).doesNotContain("samordnare");
    }

    @Test
    void schedulingChangingAndCancellingAJointOfferingArePublishedInOrderWithItsSeats() {
        String federation = federationCoordinatorOf("akademi-norr");
        ObjectNode joint = hostterminen(publishedCourseOfFederation(api, "akademi-norr"))
                .put("audience", "FEDERATION_MEMBERS")
                .put("quotaReleaseAt", "2026-08-20T22:00:00Z");
        joint.putArray("quotas").addObject().put("tenant", "vilhelmina").put("seats", 10);
        var scheduled = api.post("/api/catalog/offerings", federation, joint.toString());
        String id = scheduled.json().path("id").asString();
        String offering = scheduled.header("Location");
        api.put(offering, federation, "\"1\"", joint.put("capacity", 30).toString());
        api.post(offering + "/cancel", federation);

        List<ConsumerRecord<String, String>> events = recordsOf(id, 3);

        assertThat(events)
                .extracting(CatalogEventsTest::typeOf)
                .containsExactly(
                        "se.samlyft.catalog.offering-scheduled.v1",
                        "se.samlyft.catalog.offering-changed.v1",
                        "se.samlyft.catalog.offering-cancelled.v1");
        assertThat(events)
                .extracting(event -> data(event).path("version").asLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(events).allSatisfy(this::matchesItsSchema);
        JsonNode first = data(events.get(0));
        assertThat(first.path("audienceTenants")).hasSize(13);
        assertThat(first.path("pool").asInt()).isEqualTo(30);
        assertThat(data(events.get(1)).path("pool").asInt()).isEqualTo(20);
        assertThat(data(events.get(1)).path("quotas").get(0).path("tenant").asString())
                .isEqualTo("vilhelmina");
    }

    private void matchesItsSchema(ConsumerRecord<String, String> event) {
        assertThat(contracts.violations(typeOf(event), event.value()))
                .as(typeOf(event))
                .isEmpty();
        assertThat(header(event, "ce_dataschema")).isEqualTo(EventContracts.dataschemaOf(typeOf(event)));
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String key, int expected) {
        return TopicRecords.withKey(TOPIC, key, expected);
    }

    private static String typeOf(ConsumerRecord<String, String> event) {
        return header(event, "ce_type");
    }

    private static String header(ConsumerRecord<String, String> event, String name) {
        return TopicRecords.header(event, name);
    }

    private static JsonNode data(ConsumerRecord<String, String> event) {
        return JSON.readTree(event.value());
    }
}
