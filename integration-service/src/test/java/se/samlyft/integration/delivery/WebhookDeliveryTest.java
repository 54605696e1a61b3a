package se.samlyft.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.integration.fixture.Event;
import se.samlyft.integration.fixture.Events;
import se.samlyft.integration.fixture.Receiver;
import se.samlyft.integration.fixture.Signatures;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Webhooks as a receiver gets them: signed, in order per aggregate, retried, paused, rotated and replayed. */
class WebhookDeliveryTest extends AgainstIntegration {

    @Test
    void deliversEveryEventOfAnEnrolmentSignedAsStandardWebhooksAndInOrder() {
        String arvidsjaur = tenant("arvidsjaur");
        String path = "/" + arvidsjaur;
        ObjectNode created = subscribe(coordinatorOf(arvidsjaur), path, "se.samlyft.enrolment.*");
        String secret = created.path("secret").asString();
        Events.Enrolment enrolment = Events.enrolment(arvidsjaur, arvidsjaur);
        List<Event> journey = List.of(
                enrolment.requested(),
                enrolment.confirmed(2),
                enrolment.started(3),
                enrolment.progress(4, 5),
                enrolment.progress(5, 10),
                enrolment.completed(6));

        EVENTS.send(journey.toArray(Event[]::new));
        List<Receiver.Received> received = eventually(() -> RECEIVER.received(path), got -> got.size() >= 6);

        assertThat(secret).startsWith("whsec_");
        assertThat(received).hasSize(6).allSatisfy(request -> {
            assertThat(Signatures.verify(secret, request))
                    .as("signature of %s", request.webhookId())
                    .isTrue();
            assertThat(request.contentType()).startsWith("application/cloudevents+json");
            assertThat(Long.parseLong(request.timestamp()))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        });
        assertThat(received.stream().map(Receiver.Received::webhookId))
                .containsExactlyElementsOf(journey.stream().map(Event::id).toList());
        JsonNode first = JSON.readTree(received.getFirst().body());
        assertThat(first.path("specversion").asString()).isEqualTo("1.0");
        assertThat(first.path("id").asString()).isEqualTo(journey.getFirst().id());
        assertThat(first.path("type").asString()).isEqualTo("se.samlyft.enrolment.enrolment-requested.v1");
        assertThat(first.path("tenantid").asString()).isEqualTo(arvidsjaur);
        assertThat(first.path("dataschema").asString())
                .isEqualTo("urn:samlyft:schema:se.samlyft.enrolment.enrolment-requested.v1");
        assertThat(first.path("data").path("enrolmentId").asString())
                .isEqualTo(enrolment.id().toString());
    }

    @Test
    void keepsEachEnrolmentsOrderWhileTheReceiverFailsAndDeliversEachEventOnce() {
        String mala = tenant("mala");
        String path = "/" + mala;
        RECEIVER.answer(path, 503);
        ObjectNode created = subscribe(integratorOf(mala), path, "se.samlyft.enrolment.*");
        Events.Enrolment first = Events.enrolment(mala, mala);
        Events.Enrolment second = Events.enrolment(mala, mala);
        EVENTS.send(
                first.requested(),
                second.requested(),
                first.confirmed(2),
                second.confirmed(2),
                first.started(3),
                second.started(3),
                first.progress(4, 3),
                second.progress(4, 6));
        eventually(() -> RECEIVER.received(path), got -> got.size() >= 6);

        RECEIVER.answer(path, 200);
        eventually(() -> delivered(path), got -> got.size() >= 8);

        List<Receiver.Received> delivered = delivered(path);
        assertThat(delivered).hasSize(8);
        assertThat(new HashSet<>(
                        delivered.stream().map(Receiver.Received::webhookId).toList()))
                .as("each event delivered once")
                .hasSize(8);
        Map<String, List<Long>> versions = new TreeMap<>();
        for (Receiver.Received request : RECEIVER.received(path)) {
            JsonNode data = JSON.readTree(request.body()).path("data");
            versions.computeIfAbsent(data.path("enrolmentId").asString(), key -> new java.util.ArrayList<>())
                    .add(data.path("version").asLong());
        }
        versions.values().forEach(seen -> assertThat(seen).isSortedAccordingTo(Long::compare));
        String subscription = created.path("subscription").path("id").asString();
        JsonNode listed = http.get(
                        "/api/integrations/subscriptions/" + subscription + "/deliveries?status=DELIVERED",
                        integratorOf(mala))
                .json();
        assertThat(listed.path("totalItems").asLong()).isEqualTo(8);
        JsonNode retried = listed.path("items")
                .valueStream()
                .filter(delivery -> delivery.path("attempts").asInt() > 1)
                .findFirst()
                .orElseThrow();
        JsonNode details = http.get(
                        "/api/integrations/subscriptions/" + subscription + "/deliveries/"
                                + retried.path("id").asString(),
                        integratorOf(mala))
                .json();
        assertThat(details.path("attempts")
                        .valueStream()
                        .map(attempt -> attempt.path("statusCode").asInt()))
                .startsWith(503)
                .endsWith(200);
    }

    @Test
    void deliversTheContractsDataAndNothingAProducerAddedBeyondIt() {
        String lycksele = tenant("lycksele");
        String path = "/" + lycksele;
        subscribe(coordinatorOf(lycksele), path, "se.samlyft.identity.person-registered.v1");
        Event person = Events.personRegistered(lycksele, java.util.UUID.randomUUID())
                .with("fullName", "Åsa Öberg")
                .with("email", "asa.oberg@lycksele.se")
                .with("personalIdentityNumber", "19790312-2388");

        EVENTS.send(person);
        Receiver.Received received =
                eventually(() -> RECEIVER.received(path), got -> !got.isEmpty()).getFirst();

        JsonNode data = JSON.readTree(received.body()).path("data");
        assertThat(data.has("fullName")).isFalse();
        assertThat(data.has("email")).isFalse();
        assertThat(data.has("personalIdentityNumber")).isFalse();
        assertThat(received.body()).doesNotContain("Åsa", "oberg", "19790312");
        assertThat(data.path("workplaceName").asString()).isEqualTo("Hemtjänsten Centrum");
        assertThat(data.path("roles").get(0).asString()).isEqualTo("participant");
    }

    @Test
    void pausesASubscriptionThatKeepsFailingAndAResumeDeliversWhatWaited() {
        String storuman = tenant("storuman");
        String path = "/" + storuman;
        RECEIVER.answer(path, 500);
        String token = coordinatorOf(storuman);
        String subscription = subscribe(token, path, "se.samlyft.enrolment.*")
                .path("subscription")
                .path("id")
                .asString();
        Events.Enrolment enrolment = Events.enrolment(storuman, storuman);
        EVENTS.send(enrolment.requested());

        JsonNode paused = eventually(
                        () -> http.get("/api/integrations/subscriptions/" + subscription, token),
                        answer -> answer.json().path("status").asString().equals("PAUSED"))
                .json();
        assertThat(paused.path("pausedReason").asString()).contains("HTTP 500", "resume");
        assertThat(paused.path("failedDeliveries").asLong()).isEqualTo(1);
        int attemptsWhilePausing = RECEIVER.received(path).size();
        assertThat(attemptsWhilePausing).isGreaterThan(3);

        EVENTS.send(enrolment.confirmed(2));
        JsonNode waiting = eventually(
                        () -> http.get("/api/integrations/subscriptions/" + subscription, token),
                        answer -> answer.json().path("pendingDeliveries").asLong() == 1)
                .json();
        assertThat(waiting.path("status").asString()).isEqualTo("PAUSED");
        assertThat(RECEIVER.received(path)).hasSize(attemptsWhilePausing);

        RECEIVER.answer(path, 204);
        TestHttp.Response resumed = post("/api/integrations/subscriptions/" + subscription + "/resume", token, "");
        assertThat(resumed.status()).isEqualTo(200);
        List<Receiver.Received> delivered = eventually(() -> delivered(path), got -> got.size() >= 2);
        assertThat(delivered.stream()
                        .map(request -> JSON.readTree(request.body())
                                .path("data")
                                .path("version")
                                .asInt()))
                .containsExactly(1, 2);
        JsonNode view = http.get("/api/integrations/subscriptions/" + subscription, token)
                .json();
        assertThat(view.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.path("failedDeliveries").asLong()).isZero();
        assertThat(view.path("pendingDeliveries").asLong()).isZero();
    }

    @Test
    void aReceiverThatAnswersGonePausesItsSubscription() {
        String sorsele = tenant("sorsele");
        String path = "/" + sorsele;
        RECEIVER.answer(path, 410);
        String token = coordinatorOf(sorsele);
        String subscription = subscribe(token, path, "se.samlyft.enrolment.*")
                .path("subscription")
                .path("id")
                .asString();

        EVENTS.send(Events.enrolment(sorsele, sorsele).requested());

        JsonNode paused = eventually(
                        () -> http.get("/api/integrations/subscriptions/" + subscription, token),
                        answer -> answer.json().path("status").asString().equals("PAUSED"))
                .json();
        assertThat(paused.path("pausedReason").asString()).contains("410 Gone");
        assertThat(RECEIVER.received(path)).hasSize(1);
    }

    @Test
    void signsWithTheOldSecretBesideTheNewOneUntilTheOldOneExpires() {
        String dorotea = tenant("dorotea");
        String path = "/" + dorotea;
        String token = coordinatorOf(dorotea);
        ObjectNode created = subscribe(token, path, "se.samlyft.enrolment.*");
        String old = created.path("secret").asString();
        String subscription = created.path("subscription").path("id").asString();
        Events.Enrolment enrolment = Events.enrolment(dorotea, dorotea);

        JsonNode rotated = post("/api/integrations/subscriptions/" + subscription + "/secret", token, "{}")
                .json();
        String next = rotated.path("secret").asString();
        EVENTS.send(enrolment.requested());
        Receiver.Received duringOverlap = eventually(() -> RECEIVER.received(path), got -> got.size() == 1)
                .getFirst();

        JsonNode stopped = post(
                        "/api/integrations/subscriptions/" + subscription + "/secret",
                        token,
                        "{\"previousSecretValidFor\":\"PT0S\"}")
                .json();
        String newest = stopped.path("secret").asString();
        EVENTS.send(enrolment.confirmed(2));
        Receiver.Received afterOverlap = eventually(() -> RECEIVER.received(path), got -> got.size() == 2)
                .get(1);

        assertThat(next).isNotEqualTo(old);
        assertThat(duringOverlap.signature().split(" ")).hasSize(2);
        assertThat(Signatures.verify(old, duringOverlap)).isTrue();
        assertThat(Signatures.verify(next, duringOverlap)).isTrue();
        assertThat(afterOverlap.signature().split(" ")).hasSize(1);
        assertThat(Signatures.verify(newest, afterOverlap)).isTrue();
        assertThat(Signatures.verify(next, afterOverlap)).isFalse();
        assertThat(Signatures.verify(old, afterOverlap)).isFalse();
    }

    @Test
    void aReplayDeliversTheEventsSinceAPointInTimeAgainWithTheirIds() {
        String kramfors = tenant("kramfors");
        String path = "/" + kramfors;
        String token = coordinatorOf(kramfors);
        String subscription = subscribe(token, path, "se.samlyft.enrolment.*")
                .path("subscription")
                .path("id")
                .asString();
        Events.Enrolment earlier = Events.enrolment(kramfors, kramfors);
        EVENTS.send(earlier.requested());
        eventually(() -> RECEIVER.received(path), got -> got.size() == 1);
        Instant from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Events.Enrolment later = Events.enrolment(kramfors, kramfors);
        EVENTS.send(later.requested(), later.confirmed(2));
        eventually(() -> RECEIVER.received(path), got -> got.size() == 3);

        TestHttp.Response replay = post(
                "/api/integrations/subscriptions/" + subscription + "/replay",
                token,
                JSON.createObjectNode().put("from", from.toString()));

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("deliveries").asInt()).isEqualTo(2);
        List<Receiver.Received> all = eventually(() -> RECEIVER.received(path), got -> got.size() == 5);
        assertThat(all.subList(3, 5).stream().map(Receiver.Received::webhookId))
                .containsExactlyElementsOf(all.subList(1, 3).stream()
                        .map(Receiver.Received::webhookId)
                        .toList());
        assertThat(all.subList(3, 5).stream().map(Receiver.Received::body))
                .containsExactlyElementsOf(
                        all.subList(1, 3).stream().map(Receiver.Received::body).toList());
    }

    @Test
    void anEnrolmentOnAFederationsJointOfferingReachesTheFederationAndTheMemberButNothingElseOfTheMember() {
        String federation = tenant("akademi-norr");
        String member = tenant("arjeplog");
        String federationPath = "/" + federation;
        String memberPath = "/" + member;
        subscribe(federationCoordinatorOf(federation), federationPath, "se.samlyft.*");
        subscribe(coordinatorOf(member), memberPath, "se.samlyft.*");
        Events.Enrolment joint = Events.enrolment(member, federation);
        Events.Enrolment own = Events.enrolment(member, member);
        Event jointCourse = Events.coursePublished(federation, java.util.UUID.randomUUID(), "Välfärdsteknik");
        Event ownCourse = Events.coursePublished(member, java.util.UUID.randomUUID(), "Arjeplogs introduktion");
        Event person = Events.personRegistered(member, joint.personId());
        Event jointRequested = joint.requested();
        Event ownRequested = own.requested();
        Event jointConfirmed = joint.confirmed(2);

        EVENTS.send(jointCourse, ownCourse, person, jointRequested, ownRequested, jointConfirmed);
        eventually(() -> RECEIVER.received(memberPath), got -> got.size() >= 5);
        eventually(() -> RECEIVER.received(federationPath), got -> got.size() >= 3);

        assertThat(ids(RECEIVER.received(federationPath)))
                .containsExactlyInAnyOrder(jointCourse.id(), jointRequested.id(), jointConfirmed.id());
        assertThat(ids(RECEIVER.received(memberPath)))
                .containsExactlyInAnyOrder(
                        ownCourse.id(), person.id(), jointRequested.id(), ownRequested.id(), jointConfirmed.id());
        JsonNode jointAtFederation = RECEIVER.received(federationPath).stream()
                .map(request -> JSON.readTree(request.body()))
                .filter(body -> body.path("id").asString().equals(jointRequested.id()))
                .findFirst()
                .orElseThrow();
        assertThat(jointAtFederation.path("tenantid").asString()).isEqualTo(member);
        assertThat(jointAtFederation.path("data").path("offeringOwner").asString())
                .isEqualTo(federation);
    }

    private static Set<String> ids(List<Receiver.Received> requests) {
        return requests.stream().map(Receiver.Received::webhookId).collect(Collectors.toSet());
    }

    private static List<Receiver.Received> delivered(String path) {
        return RECEIVER.received(path).stream()
                .filter(Receiver.Received::delivered)
                .toList();
    }
}
