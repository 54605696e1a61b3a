package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.systemtest.GatewayCalls.created;
import static se.samlyft.systemtest.GatewayCalls.ok;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * Each organisation's own systems get its events from integration-service, through the gateway, as the launcher runs
 * the platform: Arvidsjaur's and Malå's coordinators and Akademi Norr's integration client subscribe a receiver in this
 * JVM; a care worker of each municipality takes a course of her own municipality, and one of Arvidsjaur one of Akademi
 * Norr's, from enrolment to rating and hours, while the receiver is stopped for a few seconds and started again. Every
 * event of each journey reaches the organisation it belongs to, signed (the receiver checks each signature as the
 * Standard Webhooks specification says), in the order the topics have them and once; the feed read to its end holds
 * the same events; no organisation gets another's; Akademi Norr gets its own offering's events and its members'
 * enrolments on it, and nothing else of its members. Targets on the platform's own and internal networks are refused.
 */
@Order(8)
class IntegratorWebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SUBSCRIPTIONS = "/api/integrations/subscriptions";
    private static final String FEED = "/api/integrations/events";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final TestHttp gateway = platform.gateway();
    private final WebhookReceiver receiver = new WebhookReceiver(RunningPlatform.receiverPort());

    @Test
    void refusesTargetsOnThisMachineOutsideTheReceiversPortOnInternalNetworksAndNamesThatResolveToThem() {
        String coordinator = keycloak.tokenOf("arvidsjaur-samordnare");
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("http://127.0.0.1/hooks", "names this machine (127.0.0.1) on port 80");
        refusals.put(
                "http://127.0.0.1:" + platform.port("gateway") + "/api/catalog/courses",
                "on port " + platform.port("gateway"));
        refusals.put("https://169.254.169.254/latest/meta-data/", "link-local");
        refusals.put("https://10.0.0.1/hooks", "10.0.0.1, a private address");
        refusals.put(
                "https://" + RunningPlatform.INTRANET_HOST + "/hooks",
                RunningPlatform.INTRANET_HOST + " (" + RunningPlatform.INTRANET_ADDRESS + "), a private address");
        refusals.put("https://[::ffff:a9fe:a9fe]/", "link-local");
        refusals.put("http://93.184.216.34/hooks", "must use https");

        refusals.forEach((target, reason) -> {
            TestHttp.Response refused = post(coordinator, SUBSCRIPTIONS, subscription(target, null, "se.samlyft.*"));
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(target).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(target).contains("targetUrl", reason);
        });
        assertThat(gateway.get(SUBSCRIPTIONS + "?size=100", coordinator)
                        .json()
                        .path("items")
                        .valueStream()
                        .map(existing -> existing.path("targetUrl").asString()))
                .doesNotContainAnyElementsOf(refusals.keySet());
    }

    @Test
    void eachOrganisationsReceiverGetsItsJourneysSignedInOrderOnceAndAsItsFeedHasThem() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String arvidsjaur = keycloak.tokenOf("arvidsjaur-samordnare");
        String mala = keycloak.tokenOf("mala-samordnare");
        String academy = keycloak.clientCredentials("samlyft-integrator", "samlyft-integrator-secret");
        receiver.start();
        Subscribed ofArvidsjaur = subscribe(arvidsjaur, "/arvidsjaur-" + run);
        Subscribed ofMala = subscribe(mala, "/mala-" + run);
        Subscribed ofAcademy = subscribe(academy, "/akademi-norr-" + run);

        // Each municipality's own course, and Akademi Norr's joint one, each with one offering.
        Catalogued arvidsjaursCourse = courseAndOffering(arvidsjaur, run, "OWN_STAFF");
        Catalogued malasCourse = courseAndOffering(mala, run, "OWN_STAFF");
        Catalogued jointCourse =
                courseAndOffering(keycloak.tokenOf("akademi-norr-projektledare"), run, "FEDERATION_MEMBERS");
        String inArvidsjaur = keycloak.tokenOf("arvidsjaur-deltagare-2");
        String inMala = keycloak.tokenOf("mala-deltagare-2");
        String onJoint = keycloak.tokenOf("arvidsjaur-deltagare-3");
        String own = enrol(inArvidsjaur, arvidsjaursCourse.offering());
        String malas = enrol(inMala, malasCourse.offering());
        String joint = enrol(onJoint, jointCourse.offering());
        start(inArvidsjaur, own);
        start(inMala, malas);
        start(onJoint, joint);

        // The receiver is stopped while the care workers take their courses, and started again a few seconds later.
        receiver.stop();
        Instant stopped = Instant.now();
        takeTheCourse(inArvidsjaur, own, 5);
        takeTheCourse(inMala, malas, 4);
        takeTheCourse(onJoint, joint, 5);
        sleepUntil(stopped.plusSeconds(5));
        receiver.start();

        // Every event of each aggregate, as the topics have it, in order and once, at the organisation it belongs to.
        Map<String, List<String>> topics = eventIdsOnTheTopics(List.of(
                own,
                malas,
                joint,
                arvidsjaursCourse.course(),
                arvidsjaursCourse.offering(),
                malasCourse.course(),
                malasCourse.offering(),
                jointCourse.course(),
                jointCourse.offering()));
        Map<String, List<String>> expected = Map.of(
                ofArvidsjaur.path(), List.of(own, joint, arvidsjaursCourse.course(), arvidsjaursCourse.offering()),
                ofMala.path(), List.of(malas, malasCourse.course(), malasCourse.offering()),
                ofAcademy.path(), List.of(joint, jointCourse.course(), jointCourse.offering()));
        // What each organisation must never see: the ids of the other organisations' own aggregates (an enrolment on
        // the joint offering names that offering, so Arvidsjaur sees the joint course's ids in its own enrolment).
        Map<String, List<String>> foreign = Map.of(
                ofArvidsjaur.path(), List.of(malas, malasCourse.course(), malasCourse.offering()),
                ofMala.path(),
                        List.of(
                                own,
                                joint,
                                arvidsjaursCourse.course(),
                                arvidsjaursCourse.offering(),
                                jointCourse.course(),
                                jointCourse.offering()),
                ofAcademy.path(),
                        List.of(
                                own,
                                malas,
                                arvidsjaursCourse.course(),
                                arvidsjaursCourse.offering(),
                                malasCourse.course(),
                                malasCourse.offering()));
        expected.forEach((path, aggregates) -> {
            Set<String> wanted = aggregates.stream()
                    .flatMap(aggregate -> topics.get(aggregate).stream())
                    .collect(Collectors.toSet());
            List<WebhookReceiver.Accepted> delivered =
                    eventually(() -> receiver.accepted(path), got -> ids(got).containsAll(wanted));
            List<String> deliveredIds =
                    delivered.stream().map(WebhookReceiver.Accepted::webhookId).toList();
            assertThat(new HashSet<>(deliveredIds))
                    .as("no webhook-id twice at " + path)
                    .hasSameSizeAs(deliveredIds);
            for (String aggregate : aggregates) {
                assertThat(deliveredIds.stream()
                                .filter(topics.get(aggregate)::contains)
                                .toList())
                        .as("the events of " + aggregate + " at " + path + ", in the topic's order")
                        .containsExactlyElementsOf(topics.get(aggregate));
            }
            assertThat(delivered)
                    .as("nothing of another organisation's own aggregates at " + path)
                    .noneMatch(request -> foreign.get(path).stream().anyMatch(request.body()::contains));
        });
        assertThat(receiver.refused())
                .as("webhooks whose signature did not verify")
                .isEmpty();
        assertThat(topics.get(own).size())
                .as("the events of Arvidsjaur's journey")
                .isGreaterThanOrEqualTo(9);

        // Every webhook of an organisation is its own; the federation's are its own or its joint offering's.
        assertThat(bodies(ofArvidsjaur))
                .allSatisfy(body -> assertThat(body.path("tenantid").asString()).isEqualTo("arvidsjaur"));
        assertThat(bodies(ofMala))
                .allSatisfy(body -> assertThat(body.path("tenantid").asString()).isEqualTo("mala"));
        assertThat(bodies(ofAcademy))
                .allSatisfy(body -> assertThat(body.path("tenantid").asString().equals("akademi-norr")
                                || (body.path("type").asString().startsWith("se.samlyft.enrolment.")
                                        && body.path("data")
                                                .path("offeringOwner")
                                                .asString()
                                                .equals("akademi-norr")))
                        .as(body.toString())
                        .isTrue());
        assertThat(bodies(ofAcademy))
                .noneMatch(body -> body.path("type").asString().startsWith("se.samlyft.identity.person"));

        // The feed, read from where each subscription began to its end, has exactly what the webhooks brought.
        for (Subscribed subscription : List.of(ofArvidsjaur, ofMala, ofAcademy)) {
            Map<String, JsonNode> feed = new LinkedHashMap<>();
            String end = readFeed(subscription.token(), subscription.startCursor(), feed);
            eventually(() -> receiver.accepted(subscription.path()), got -> ids(got).containsAll(feed.keySet()));
            Map<String, JsonNode> later = new LinkedHashMap<>();
            readFeed(subscription.token(), end, later);
            Map<String, String> webhooks = new LinkedHashMap<>();
            receiver.accepted(subscription.path())
                    .forEach(request -> webhooks.put(request.webhookId(), request.body()));
            assertThat(webhooks.keySet())
                    .as("webhooks of " + subscription.path() + " beyond the feed read before")
                    .isSubsetOf(union(feed.keySet(), later.keySet()));
            feed.forEach((id, event) ->
                    assertThat(JSON.readTree(webhooks.get(id))).as(id).isEqualTo(event));
        }

        // Another organisation reaches none of a subscription, its deliveries or its feed's events.
        String delivery = gateway.get(ofArvidsjaur.location() + "/deliveries", arvidsjaur)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(gateway.get(ofArvidsjaur.location(), mala).status()).isEqualTo(404);
        assertThat(gateway.get(ofArvidsjaur.location() + "/deliveries", mala).status())
                .isEqualTo(404);
        assertThat(gateway.get(ofArvidsjaur.location() + "/deliveries/" + delivery, mala)
                        .status())
                .isEqualTo(404);
        assertThat(gateway.get(ofArvidsjaur.location() + "/deliveries/" + delivery, arvidsjaur)
                        .status())
                .isEqualTo(200);
        assertThat(gateway.get(FEED + "?limit=1000&after=" + ofMala.startCursor(), mala)
                        .body())
                .doesNotContain(own, joint, arvidsjaursCourse.course());
    }

    private record Subscribed(String token, String path, String location, String startCursor) {}

    private record Catalogued(String course, String offering) {}

    private Subscribed subscribe(String token, String path) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        receiver.expect(path, secret);
        TestHttp.Response created =
                post(token, SUBSCRIPTIONS, subscription(receiver.url(path), secret, "se.samlyft.*"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Subscribed(
                token,
                path,
                created.header("Location"),
                created.json().path("subscription").path("startCursor").asString());
    }

    private Catalogued courseAndOffering(String coordinator, String run, String audience) {
        ObjectNode course = JSON.createObjectNode()
                .put("title", "Trygghetslarm och dokumentation " + run)
                .put("description", "Hur larmen fungerar och vad som ska dokumenteras när de går.")
                .put("format", "SELF_PACED_DIGITAL")
                .put("formal", false);
        course.putArray("themes").add("välfärdsteknik");
        course.putArray("targetOccupations").add("undersköterska");
        course.putArray("modules")
                .add(JSON.createObjectNode().put("title", "Larmens väg").put("estimatedMinutes", 30))
                .add(JSON.createObjectNode()
                        .put("title", "Att dokumentera ett larm")
                        .put("estimatedMinutes", 30));
        String courseId = created(post(coordinator, "/api/catalog/courses", course))
                .path("id")
                .asString();
        assertThat(post(coordinator, "/api/catalog/courses/" + courseId + "/publish", null)
                        .status())
                .isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ObjectNode offering = JSON.createObjectNode()
                .put("courseId", courseId)
                .put("enrolmentOpensAt", now.minus(2, ChronoUnit.DAYS).toString())
                .put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())
                .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                .put("endsAt", now.plus(90, ChronoUnit.DAYS).toString())
                .put("online", true)
                .put("capacity", 5)
                .put("approvalRequired", false)
                .put("paidWorkingTime", true)
                .put("audience", audience);
        String offeringId = created(post(coordinator, "/api/catalog/offerings", offering))
                .path("id")
                .asString();
        return new Catalogued(courseId, offeringId);
    }

    private String enrol(String participant, String offeringId) {
        ObjectNode request = JSON.createObjectNode().put("offeringId", offeringId);
        TestHttp.Response response =
                eventually(() -> post(participant, "/api/enrolments", request), answer -> answer.status() != 404);
        JsonNode enrolment = created(response);
        assertThat(enrolment.path("state").asString()).isEqualTo("CONFIRMED");
        return enrolment.path("id").asString();
    }

    private void start(String participant, String enrolment) {
        ok(post(participant, "/api/enrolments/" + enrolment + "/start", null));
    }

    private void takeTheCourse(String participant, String enrolment, int usefulness) {
        String path = "/api/enrolments/" + enrolment;
        ok(post(participant, path + "/progress", JSON.createObjectNode().put("modulesCompleted", 1)));
        ok(post(participant, path + "/pause", null));
        ok(post(participant, path + "/resume", null));
        JsonNode done =
                ok(post(participant, path + "/progress", JSON.createObjectNode().put("modulesCompleted", 2)));
        assertThat(done.path("state").asString()).isEqualTo("COMPLETED");
        ok(post(
                participant,
                path + "/evaluation",
                JSON.createObjectNode().put("usefulness", usefulness).put("comment", "Bra att ha när larmet går.")));
        TestHttp.Response hours = post(
                participant,
                path + "/time-statements",
                JSON.createObjectNode()
                        .put("month", YearMonth.now(ZoneOffset.UTC).toString())
                        .put("hours", new BigDecimal("1.0"))
                        .put("paidWorkingTimeHours", new BigDecimal("1.0")));
        assertThat(hours.status()).as(hours.body()).isIn(200, 201);
    }

    /** Reads the feed from {@code after} to its end into {@code events} (by id); answers the cursor at the end. */
    private String readFeed(String token, String after, Map<String, JsonNode> events) {
        String cursor = after;
        while (true) {
            TestHttp.Response page = gateway.send(gateway.request(FEED + "?limit=50&after=" + cursor, token)
                    .header("Accept", "application/cloudevents-batch+json")
                    .GET()
                    .build());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("application/cloudevents-batch+json");
            JsonNode batch = page.json();
            batch.forEach(event -> events.put(event.path("id").asString(), event));
            cursor = page.header("Next-Cursor");
            if (batch.size() < 50) {
                return cursor;
            }
        }
    }

    /**
     * The ids of the events on the catalog and enrolment topics keyed by each aggregate, in the topics' order, as a plain
     * Kafka consumer reads them.
     */
    private Map<String, List<String>> eventIdsOnTheTopics(List<String> aggregates) {
        // As the launcher's admin: the broker is closed to anyone without credentials.
        Properties properties = platform.kafkaAdminClient(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "integrator-webhooks-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        Map<String, List<String>> ids = new LinkedHashMap<>();
        aggregates.forEach(aggregate -> ids.put(aggregate, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("samlyft.catalog.events", "samlyft.enrolment.events")) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (end.entrySet().stream().anyMatch(p -> consumer.position(p.getKey()) < p.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.containsKey(record.key())) {
                        ids.get(record.key())
                                .add(new String(
                                        record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(Instant.now()).as("read to the end of the topics").isBefore(deadline);
            }
        }
        ids.forEach((aggregate, events) ->
                assertThat(events).as("events of " + aggregate).isNotEmpty());
        return ids;
    }

    private List<JsonNode> bodies(Subscribed subscription) {
        return receiver.accepted(subscription.path()).stream()
                .map(request -> JSON.readTree(request.body()))
                .toList();
    }

    private static Set<String> ids(List<WebhookReceiver.Accepted> requests) {
        return requests.stream().map(WebhookReceiver.Accepted::webhookId).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        return union;
    }

    private static ObjectNode subscription(String target, String secret, String... types) {
        ObjectNode request = JSON.createObjectNode().put("targetUrl", target);
        if (secret != null) {
            request.put("secret", secret);
        }
        var eventTypes = request.putArray("eventTypes");
        for (String type : types) {
            eventTypes.add(type);
        }
        return request;
    }

    private TestHttp.Response post(String token, String path, JsonNode body) {
        return GatewayCalls.post(gateway, token, path, body);
    }

    private static void sleepUntil(Instant when) {
        Duration left = Duration.between(Instant.now(), when);
        if (left.isNegative()) {
            return;
        }
        try {
            Thread.sleep(left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }
}
