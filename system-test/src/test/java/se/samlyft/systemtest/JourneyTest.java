package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.systemtest.GatewayCalls.created;
import static se.samlyft.systemtest.GatewayCalls.ok;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journey of FACTS.md §1 through the gateway with real Keycloak tokens: Akademi Norr's project leader registers
 * the ESF programme and a joint self-paced course with a seat held for Arvidsjaur; care workers of three member
 * municipalities ask for seats, their managers approve, one waits until another withdraws; they take the course with
 * a pause, complete it, rate it and confirm their hours; and the reports show it, by municipality and sex, and month by
 * month for the funder. Two drills run on the way: Kafka stops while managers approve and a participant withdraws,
 * and reporting-service is killed while the participants take the course; the reports still count every enrolment
 * and every hour exactly once.
 */
@Order(4)
class JourneyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> SERVICES =
            List.of("identity-service", "catalog-service", "enrolment-service", "reporting-service");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final TestHttp gateway = platform.gateway();

    @Test
    void aJointCourseFromProgrammeToFunderReport() {
        String projectLeader = keycloak.tokenOf("akademi-norr-projektledare");
        String run = UUID.randomUUID().toString().substring(0, 6);

        // The project leader registers the programme and a joint course, and schedules it for the members.
        String programmeId = created(post(projectLeader, "/api/catalog/programmes", programme(run)))
                .path("id")
                .asString();
        String courseId = created(post(projectLeader, "/api/catalog/courses", course(run)))
                .path("id")
                .asString();
        assertThat(post(projectLeader, "/api/catalog/courses/" + courseId + "/publish", null)
                        .status())
                .isEqualTo(200);
        String offeringId = created(post(projectLeader, "/api/catalog/offerings", offering(courseId, programmeId)))
                .path("id")
                .asString();

        // Care workers of three municipalities ask for the two seats: Arvidsjaur's from its quota, Malå's from the
        // pool, and Lycksele's waits. Each request waits for the manager's approval while holding its seat.
        String arvidsjaur = keycloak.tokenOf("arvidsjaur-deltagare-1");
        String mala = keycloak.tokenOf("mala-deltagare-1");
        String lycksele = keycloak.tokenOf("lycksele-deltagare-1");
        JsonNode first = enrol(arvidsjaur, offeringId);
        JsonNode second = enrol(mala, offeringId);
        JsonNode third = enrol(lycksele, offeringId);
        assertThat(first.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(first.path("seatSource").asString()).isEqualTo("QUOTA");
        assertThat(second.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(second.path("seatSource").asString()).isEqualTo("POOL");
        assertThat(third.path("state").asString()).isEqualTo("WAITLISTED");
        assertThat(post(lycksele, "/api/enrolments", JSON.createObjectNode().put("offeringId", offeringId))
                        .status())
                .as("a second request of the same person")
                .isEqualTo(409);

        // Drill: the platform runs two instances of each service (-Dsamlyft.instances=2), and the second of each dies
        // at once (SIGKILL), as on a crashed node, once the seat requests' events have reached the catalog. The
        // gateway sends everything to the survivors, the survivors' consumers take over the dead ones' partitions,
        // and the rest of the journey loses nothing and counts nothing twice.
        eventually(
                () -> gateway.get("/api/catalog/offerings/" + offeringId, projectLeader),
                offering -> offering.status() == 200
                        && offering.json().path("seatsTaken").asInt() == 2);
        if (platform.instances() > 1) {
            for (String service : SERVICES) {
                platform.platform().killComponent(service + "-2");
            }
        }

        // Drill: Kafka stops in the middle of the journey. Approvals and a withdrawal still work, their events wait in
        // the services' outboxes, and go out once Kafka is back.
        platform.platform().stopComponent("Kafka");

        // The managers approve; a manager of another municipality cannot.
        assertThat(post(keycloak.tokenOf("lycksele-chef"), enrolment(first, "approve"), null)
                        .status())
                .isIn(403, 404);
        assertThat(approve("arvidsjaur-chef", first).path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(approve("mala-chef", second).path("state").asString()).isEqualTo("CONFIRMED");

        // Malå's participant withdraws: Lycksele's is promoted to the free pool seat and approved.
        assertThat(ok(post(mala, enrolment(second, "withdraw"), null))
                        .path("state")
                        .asString())
                .isEqualTo("WITHDRAWN");
        JsonNode promoted = ok(gateway.get(enrolment(third, null), lycksele));
        assertThat(promoted.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(approve("lycksele-chef", third).path("state").asString()).isEqualTo("CONFIRMED");

        startAgain("Kafka");

        // Drill: reporting-service is killed and started again while the participants take the course; it picks up
        // where its consumers left off, and applies no event twice.
        platform.platform().stopComponent("reporting-service");

        // They take the course when their shifts allow, pausing and resuming, complete it and rate it.
        takeTheCourse(arvidsjaur, first, 5);
        takeTheCourse(lycksele, third, 4);
        startAgain("reporting-service");

        // Each confirms the month's hours, on paid working time.
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        confirmHours(arvidsjaur, first, month, "6.5");
        confirmHours(lycksele, third, month, "4.0");

        // The programme's follow-up: two participants, both completed. Malå's withdrew before starting, so the funder
        // does not count her as a participant (reporting counts people who began an enrolment).
        JsonNode followUp = report(
                "/api/reports/programmes/" + programmeId + "/follow-up",
                projectLeader,
                report -> report.path("completed").asInt() == 2
                        && report.path("evaluations").asInt() == 2
                        && report.path("paidWorkingTimeHours").decimalValue().compareTo(new BigDecimal("10.5")) == 0);
        assertThat(followUp.path("participants").asInt()).isEqualTo(2);
        assertThat(followUp.path("withdrawn").asInt()).isZero();
        assertThat(followUp.path("evaluationsRating4Or5").asInt()).isEqualTo(2);
        assertThat(followUp.path("paidWorkingTimeHours").decimalValue()).isEqualByComparingTo("10.5");

        // The federation's view over the year, with that year's members: by municipality exact, by sex the small
        // counts hidden, the totals exact.
        JsonNode federation = ok(gateway.get(
                "/api/reports/federation?programmeId=" + programmeId + "&from=" + Year.now(ZoneOffset.UTC)
                        + "-01-01&to=" + Year.now(ZoneOffset.UTC) + "-12-31",
                projectLeader));
        assertThat(federation.path("participants").asInt()).isEqualTo(2);
        JsonNode byMunicipality = federation.path("breakdowns").path("ORGANISATION");
        assertThat(byMunicipality.path("arvidsjaur").asInt()).isEqualTo(1);
        assertThat(byMunicipality.path("lycksele").asInt()).isEqualTo(1);
        assertThat(byMunicipality.has("mala")).isFalse();
        assertThat(federation.path("breakdowns").path("SEX").path("WOMAN").asString())
                .isEqualTo("<5");

        // The funder's monthly report: each participant's hours of the month.
        JsonNode monthly = report(
                "/api/reports/programmes/" + programmeId + "/monthly/" + month,
                projectLeader,
                report -> report.path("hours").size() == 2);
        assertThat(monthly.path("hours")
                        .valueStream()
                        .map(hours -> hours.path("hours").decimalValue())
                        .toList())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("6.5"), new BigDecimal("4.0"));
        eachEnrolmentsEventsOnceAndInOrder(List.of(
                first.path("id").asString(),
                second.path("id").asString(),
                third.path("id").asString()));
        assertThat(gateway.get("/api/reports/programmes/" + programmeId + "/monthly/" + month, lycksele)
                        .status())
                .as("a participant does not read the funder's report")
                .isEqualTo(403);
    }

    /**
     * Every event of the three enrolments, read from the topic as an integrator reads it: each enrolment's events start
     * at its first version and come in the order of their versions, none twice, and no event id comes twice.
     */
    private void eachEnrolmentsEventsOnceAndInOrder(List<String> enrolments) {
        Properties properties = platform.kafkaAdminClient(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "journey-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        Map<String, List<Long>> versions = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        List<String> doubled = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor("samlyft.enrolment.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (end.entrySet().stream().anyMatch(p -> consumer.position(p.getKey()) < p.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (enrolments.contains(record.key())) {
                        String id =
                                new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                        if (!ids.add(id)) {
                            doubled.add(id);
                        }
                        versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(JSON.readTree(record.value())
                                        .path("version")
                                        .asLong());
                    }
                }
                assertThat(Instant.now()).as("read to the end of the topic").isBefore(deadline);
            }
        }
        assertThat(doubled).as("events published twice").isEmpty();
        assertThat(versions).containsOnlyKeys(enrolments);
        versions.forEach((enrolment, seen) -> {
            assertThat(seen).as("the versions of enrolment " + enrolment).isSortedAccordingTo(Long::compare);
            assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
            assertThat(seen.getFirst())
                    .as("the first event of enrolment " + enrolment)
                    .isEqualTo(1L);
        });
    }

    /**
     * A report once it shows what {@code done} expects. Reports follow the events, and the gateway routes to a
     * restarted service again once its health check has seen it ready, so a 503 on the way is waited out too.
     */
    private JsonNode report(String path, String token, Predicate<JsonNode> done) {
        TestHttp.Response answer = eventually(
                () -> gateway.get(path, token), response -> response.status() == 200 && done.test(response.json()));
        return answer.json();
    }

    private void startAgain(String component) {
        try {
            platform.platform().startComponent(component);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void takeTheCourse(String participant, JsonNode enrolment, int usefulness) {
        ok(post(participant, enrolment(enrolment, "start"), null));
        ok(post(
                participant,
                enrolment(enrolment, "progress"),
                JSON.createObjectNode().put("modulesCompleted", 1).put("resumeAt", "modul-2")));
        assertThat(ok(post(participant, enrolment(enrolment, "pause"), null))
                        .path("paused")
                        .asBoolean())
                .isTrue();
        assertThat(ok(post(participant, enrolment(enrolment, "resume"), null))
                        .path("paused")
                        .asBoolean())
                .isFalse();
        JsonNode done = ok(post(
                participant,
                enrolment(enrolment, "progress"),
                JSON.createObjectNode().put("modulesCompleted", 2)));
        assertThat(done.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        ok(post(
                participant,
                enrolment(enrolment, "evaluation"),
                JSON.createObjectNode()
                        .put("usefulness", usefulness)
                        .put("comment", "Mycket användbart i hemtjänsten, särskilt dokumentationen.")));
    }

    private void confirmHours(String participant, JsonNode enrolment, String month, String hours) {
        TestHttp.Response confirmed = post(
                participant,
                enrolment(enrolment, "time-statements"),
                JSON.createObjectNode()
                        .put("month", month)
                        .put("hours", new BigDecimal(hours))
                        .put("paidWorkingTimeHours", new BigDecimal(hours)));
        assertThat(confirmed.status()).as(confirmed.body()).isIn(200, 201);
    }

    private JsonNode enrol(String participant, String offeringId) {
        ObjectNode request = JSON.createObjectNode().put("offeringId", offeringId);
        // The offering reaches enrolment-service through the catalog's events.
        TestHttp.Response response =
                eventually(() -> post(participant, "/api/enrolments", request), answer -> answer.status() != 404);
        return created(response);
    }

    private JsonNode approve(String manager, JsonNode enrolment) {
        return ok(post(keycloak.tokenOf(manager), enrolment(enrolment, "approve"), null));
    }

    private static String enrolment(JsonNode enrolment, String action) {
        String path = "/api/enrolments/" + enrolment.path("id").asString();
        return action == null ? path : path + "/" + action;
    }

    private TestHttp.Response post(String token, String path, JsonNode body) {
        return platform.postThroughGateway(token, path, body, UUID.randomUUID());
    }

    private static ObjectNode programme(String run) {
        return JSON.createObjectNode()
                .put("number", "2020/" + run)
                .put("name", "Välfärdsteknologi i omsorgen")
                .put("funder", "ESF")
                .put("region", "Övre Norrland")
                .put("start", "2026-01-01")
                .put("end", "2027-12-31")
                .put("totalBudgetSek", 6_388_583)
                .put("grantSek", 2_993_347)
                .put("coFinancingRatePercent", 50)
                .put("plannedParticipants", 460)
                .put("programmeArea", "1")
                .put("specificObjective", "1.1")
                .put("interventionType", "117");
    }

    private static ObjectNode course(String run) {
        ObjectNode course = JSON.createObjectNode()
                .put("title", "Välfärdsteknik i vardagen " + run)
                .put("description", "Trygghetslarm, digital tillsyn och läkemedelsrobotar: hur de används säkert.")
                .put("format", "SELF_PACED_DIGITAL")
                .put("formal", false);
        course.putArray("themes").add("välfärdsteknik");
        course.putArray("targetOccupations").add("undersköterska").add("vårdbiträde");
        course.putArray("modules")
                .add(JSON.createObjectNode()
                        .put("title", "Vad är välfärdsteknik?")
                        .put("estimatedMinutes", 45))
                .add(JSON.createObjectNode()
                        .put("title", "Trygghetslarm i hemtjänsten")
                        .put("estimatedMinutes", 60));
        return course;
    }

    /** Open for enrolment now and already running, as a self-paced course is: two seats, one held for Arvidsjaur. */
    private static ObjectNode offering(String courseId, String programmeId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ObjectNode offering = JSON.createObjectNode()
                .put("courseId", courseId)
                .put("programmeId", programmeId)
                .put("enrolmentOpensAt", now.minus(2, ChronoUnit.DAYS).toString())
                .put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())
                .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                .put("endsAt", now.plus(90, ChronoUnit.DAYS).toString())
                .put("online", true)
                .put("capacity", 2)
                .put("approvalRequired", true)
                .put("paidWorkingTime", true)
                .put("audience", "FEDERATION_MEMBERS");
        offering.putArray("quotas").addObject().put("tenant", "arvidsjaur").put("seats", 1);
        return offering;
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }
}
