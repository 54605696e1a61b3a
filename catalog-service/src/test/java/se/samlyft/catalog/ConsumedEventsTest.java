package se.samlyft.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOf;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOfFederation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samlyft.catalog.messaging.MembershipDays;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the catalog takes from identity-service's and enrolment-service's events, sent to the real broker as those
 * services send them (CloudEvents in binary mode, keyed by the aggregate).
 */
class ConsumedEventsTest extends AgainstTheCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private TestDatabase database;

    @Autowired
    private MembershipDays membershipDays;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connectToTheBroker() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aMembershipChangeResolvesTheFederationsRunningOfferingsAgainAndALateOlderOneIsIgnored() {
        String federation = "samverkan-" + suffix();
        String coordinator = federationCoordinatorOf(federation);
        LocalDate today = LocalDate.now();
        sendMembership(federation, 1, member("dorotea", "2024-01-01", null), member("storuman", "2024-01-01", null));
        String courseId = publishedCourseOfFederation(api, federation);
        ObjectNode joint = upcoming(hostterminen(courseId)).put("audience", "FEDERATION_MEMBERS");
        joint.putArray("quotas").addObject().put("tenant", "storuman").put("seats", 5);
        TestHttp.Response scheduled = eventually(
                () -> api.post("/api/catalog/offerings", coordinator, joint.toString()),
                response -> response.status() == 201);
        String offering = scheduled.header("Location");
        assertThat(audienceOf(scheduled.json())).containsExactly("dorotea", "storuman");

        sendMembership(
                federation,
                2,
                member("dorotea", "2024-01-01", null),
                member("storuman", "2024-01-01", today.toString()),
                member("kramfors", today.toString(), null));
        JsonNode changed = eventually(
                () -> api.get(offering, coordinator).json(),
                view -> view.path("version").asLong() == 2);

        assertThat(audienceOf(changed)).containsExactly("dorotea", "kramfors");
        assertThat(changed.path("quotas")).isEmpty();
        assertThat(changed.path("pool").asInt()).isEqualTo(40);
        assertThat(api.get(offering, participantOf("kramfors")).status()).isEqualTo(200);
        assertThat(api.get(offering, participantOf("storuman")).status()).isEqualTo(404);

        String late = sendMembership(federation, 1, member("storuman", "2024-01-01", null));
        sendMembership(
                federation,
                3,
                member("dorotea", "2024-01-01", null),
                member("storuman", "2024-01-01", today.toString()),
                member("kramfors", today.toString(), null),
                member("lycksele", today.toString(), null));
        JsonNode afterLate =
                eventually(() -> api.get(offering, coordinator).json(), view -> audienceOf(view).length == 3);

        assertThat(audienceOf(afterLate)).containsExactly("dorotea", "kramfors", "lycksele");
        assertThat(afterLate.path("version").asLong())
                .as("the late version 1 changed nothing, so only version 3 moved the offering on")
                .isEqualTo(3);
        assertThat(processed("federation-membership", late)).isTrue();
    }

    @Test
    void anOrganisationIsInAJointOfferingsAudienceOnlyFromTheDayItAcceptedWhateverItsPeriodSays() {
        String federation = "samverkan-" + suffix();
        String coordinator = federationCoordinatorOf(federation);
        String tomorrow = LocalDate.now().plusDays(1).toString();
        sendMembership(
                federation,
                1,
                member("dorotea", "2024-01-01", null),
                member("storuman", "2024-01-01", null, tomorrow),
                member("asele", "2024-01-01", tomorrow, tomorrow));
        String courseId = publishedCourseOfFederation(api, federation);
        ObjectNode joint = upcoming(hostterminen(courseId)).put("audience", "FEDERATION_MEMBERS");

        TestHttp.Response scheduled = eventually(
                () -> api.post("/api/catalog/offerings", coordinator, joint.toString()),
                response -> response.status() == 201);

        assertThat(audienceOf(scheduled.json())).containsExactly("dorotea");
    }

    @Test
    void aMemberJoiningAheadReachesTheJointOfferingsOnItsDayAndOneLeavingKeepsWhatItsPeopleEnrolledIn() {
        String federation = "samverkan-" + suffix();
        String coordinator = federationCoordinatorOf(federation);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        String tomorrow = today.plusDays(1).toString();
        sendMembership(
                federation,
                1,
                member("dorotea", "2024-01-01", null),
                member("storuman", "2024-01-01", null),
                member("lycksele", "2024-01-01", null));
        String courseId = publishedCourseOfFederation(api, federation);
        TestHttp.Response scheduled = eventually(
                () -> api.post(
                        "/api/catalog/offerings",
                        coordinator,
                        upcoming(hostterminen(courseId))
                                .put("audience", "FEDERATION_MEMBERS")
                                .toString()),
                response -> response.status() == 201);
        String offering = scheduled.header("Location");
        UUID offeringId = UUID.fromString(scheduled.json().path("id").asString());
        String enrolled = sendEnrolmentOf("storuman", UUID.randomUUID(), offeringId, federation, "CONFIRMED", 2);
        eventually(() -> processed("seats-taken", enrolled), Boolean::booleanValue);

        String changed = sendMembership(
                federation,
                2,
                member("dorotea", "2024-01-01", null),
                member("storuman", "2024-01-01", tomorrow),
                member("lycksele", "2024-01-01", tomorrow),
                member("kramfors", tomorrow, null));
        eventually(() -> processed("federation-membership", changed), Boolean::booleanValue);

        assertThat(audienceOf(api.get(offering, coordinator).json()))
                .as("until tomorrow, today's members")
                .containsExactly("dorotea", "lycksele", "storuman");
        assertThat(api.get(offering, participantOf("kramfors")).status()).isEqualTo(404);

        assertThat(membershipDays.resolveDue(today.plusDays(1))).isGreaterThanOrEqualTo(1);

        JsonNode tomorrows = api.get(offering, coordinator).json();
        assertThat(audienceOf(tomorrows)).containsExactly("dorotea", "kramfors");
        assertThat(tomorrows.path("version").asLong()).isEqualTo(2);
        assertThat(api.get(offering, participantOf("kramfors")).status()).isEqualTo(200);
        assertThat(api.get(offering, participantOf("lycksele")).status())
                .as("a member that left, with nobody enrolled")
                .isEqualTo(404);
        assertThat(api.get(offering, participantOf("storuman")).status())
                .as("a member that left keeps reading what its people enrolled in")
                .isEqualTo(200);
        assertThat(api.get("/api/catalog/courses/" + courseId, participantOf("storuman"))
                        .status())
                .isEqualTo(200);
        assertThat(offeringsListedFor(participantOf("storuman")))
                .as("but it is no longer offered to it")
                .doesNotContain(offeringId.toString());
        assertThat(membershipDays.resolveDue(today.plusDays(1)))
                .as("the day is resolved once")
                .isZero();
    }

    @Test
    void enrolmentsThatHoldASeatCountOnceEachAndAFullOfferingIsNotFoundForFreeSeats() {
        String owner = "sorsele";
        String coordinator = coordinatorOf(owner);
        String courseId = publishedCourseOf(api, coordinator, "Trygghetsskapande arbetssätt " + suffix());
        TestHttp.Response scheduled = api.post(
                "/api/catalog/offerings",
                coordinator,
                upcoming(hostterminen(courseId)).put("capacity", 2).toString());
        String offering = scheduled.header("Location");
        UUID offeringId = UUID.fromString(scheduled.json().path("id").asString());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        String confirmed = sendEnrolment(first, offeringId, owner, "CONFIRMED", 2);
        resend(confirmed, first, offeringId, owner, "CONFIRMED", 2);
        sendEnrolment(second, offeringId, owner, "AWAITING_APPROVAL", 2);
        sendEnrolment(third, offeringId, owner, "WAITLISTED", 2);
        JsonNode full = eventually(
                () -> api.get(offering, coordinator).json(),
                view -> view.path("seatsTaken").asInt() == 2 && processed("seats-taken", confirmed));

        assertThat(full.path("freeSeats").asInt()).isZero();
        assertThat(full.path("version").asLong()).as("seats are not terms").isEqualTo(1);
        assertThat(searchWithFreeSeats(coordinator, courseId)).isFalse();
        assertThat(titlesFound(coordinator, courseId, false)).isTrue();

        sendEnrolment(first, offeringId, owner, "WITHDRAWN", 3);
        JsonNode freed = eventually(
                () -> api.get(offering, coordinator).json(),
                view -> view.path("seatsTaken").asInt() == 1);
        String late = sendEnrolment(first, offeringId, owner, "CONFIRMED", 2);
        eventually(() -> processed("seats-taken", late), Boolean::booleanValue);

        assertThat(freed.path("freeSeats").asInt()).isEqualTo(1);
        assertThat(api.get(offering, coordinator).json().path("seatsTaken").asInt())
                .as("an older state arriving late takes no seat")
                .isEqualTo(1);
        assertThat(searchWithFreeSeats(coordinator, courseId)).isTrue();
    }

    private boolean searchWithFreeSeats(String token, String courseId) {
        return titlesFound(token, courseId, true);
    }

    private boolean titlesFound(String token, String courseId, boolean freeSeats) {
        JsonNode page = api.get(
                        "/api/catalog/courses/search?q=trygghetsskapande&size=100"
                                + (freeSeats ? "&freeSeats=true" : "&municipality=2462"),
                        token)
                .json();
        return page.path("items")
                .valueStream()
                .anyMatch(item -> item.path("id").asString().equals(courseId));
    }

    /** The offering with its window and run moved ahead of today, so it is still running. */
    private static ObjectNode upcoming(ObjectNode offering) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return offering.put("enrolmentOpensAt", now.minus(1, ChronoUnit.DAYS).toString())
                .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                .put("startsAt", now.plus(35, ChronoUnit.DAYS).toString())
                .put("endsAt", now.plus(60, ChronoUnit.DAYS).toString());
    }

    private static String[] audienceOf(JsonNode offering) {
        return offering.path("audienceOrganisations")
                .valueStream()
                .map(JsonNode::asString)
                .toArray(String[]::new);
    }

    private static ObjectNode member(String tenant, String joinedOn, String leftOn) {
        return member(tenant, joinedOn, leftOn, joinedOn);
    }

    private static ObjectNode member(String tenant, String joinedOn, String leftOn, String acceptedOn) {
        ObjectNode member = JSON.createObjectNode()
                .put("tenant", tenant)
                .put("joinedOn", joinedOn)
                .put("acceptedOn", acceptedOn)
                .put("consent", "MEMBER");
        return leftOn == null ? member : member.put("leftOn", leftOn);
    }

    private String sendMembership(String federation, long version, ObjectNode... members) {
        ObjectNode data = JSON.createObjectNode()
                .put("federation", federation)
                .put("version", version)
                .put("changedAt", Instant.now().toString());
        ArrayNode history = data.putArray("members");
        for (ObjectNode member : members) {
            history.add(member);
        }
        return send(
                "samlyft.identity.events",
                federation,
                federation,
                "se.samlyft.identity.federation-membership-changed.v1",
                UUID.randomUUID().toString(),
                data);
    }

    private java.util.List<String> offeringsListedFor(String token) {
        return api.get("/api/catalog/offerings?size=100", token)
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    /** An enrolment of a person of {@code organisation} on an offering of {@code owner}. */
    private String sendEnrolmentOf(
            String organisation, UUID enrolment, UUID offering, String owner, String state, long version) {
        String id = UUID.randomUUID().toString();
        ObjectNode data = JSON.createObjectNode()
                .put("enrolmentId", enrolment.toString())
                .put("version", version)
                .put("personId", UUID.randomUUID().toString())
                .put("organisation", organisation)
                .put("offeringId", offering.toString())
                .put("courseId", UUID.randomUUID().toString())
                .put("offeringOwner", owner)
                .put("state", state)
                .put("occurredAt", Instant.now().toString());
        return send(
                "samlyft.enrolment.events",
                enrolment.toString(),
                organisation,
                "se.samlyft.enrolment.enrolment-" + state.toLowerCase().replace('_', '-') + ".v1",
                id,
                data);
    }

    private String sendEnrolment(UUID enrolment, UUID offering, String owner, String state, long version) {
        String id = UUID.randomUUID().toString();
        resend(id, enrolment, offering, owner, state, version);
        return id;
    }

    /** Sends an enrolment event with the id given, as a redelivery does. */
    private void resend(String id, UUID enrolment, UUID offering, String owner, String state, long version) {
        ObjectNode data = JSON.createObjectNode()
                .put("enrolmentId", enrolment.toString())
                .put("version", version)
                .put("personId", UUID.randomUUID().toString())
                .put("organisation", owner)
                .put("offeringId", offering.toString())
                .put("courseId", UUID.randomUUID().toString())
                .put("offeringOwner", owner)
                .put("state", state)
                .put("occurredAt", Instant.now().toString());
        send(
                "samlyft.enrolment.events",
                enrolment.toString(),
                owner,
                "se.samlyft.enrolment.enrolment-" + state.toLowerCase().replace('_', '-') + ".v1",
                id,
                data);
    }

    private String send(String topic, String key, String tenant, String type, String id, ObjectNode data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data.toString());
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_source", bytes("/samlyft/" + topic.split("\\.")[1] + "-service"))
                .add("ce_type", bytes(type))
                .add("ce_tenantid", bytes(tenant))
                .add("content-type", bytes("application/json"));
        try {
            producer.send(record).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
        return id;
    }

    private boolean processed(String consumer, String eventId) {
        return JdbcClient.create(database.ownerDataSource())
                        .sql("select count(*) from samlyft.processed_event where consumer = ? and event_id = ?")
                        .params(consumer, eventId)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }
}
