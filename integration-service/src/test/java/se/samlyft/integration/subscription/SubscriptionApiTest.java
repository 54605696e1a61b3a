package se.samlyft.integration.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Subscriptions through the API: who may make them, what targets and types they may have, and who sees them. */
class SubscriptionApiTest extends AgainstIntegration {

    private static final String SUBSCRIPTIONS = "/api/integrations/subscriptions";

    @Test
    void refusesTargetsOnInternalNetworksWithAProblemNamingTheAddress() {
        String token = coordinatorOf(tenant("vilhelmina"));
        List<String> internal = List.of(
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.1/hooks",
                "https://172.16.5.4/hooks",
                "https://192.168.1.10/hooks",
                "https://100.64.0.1/hooks",
                "https://[fd00::1]/hooks",
                "https://[fe80::1]/hooks",
                "https://[::ffff:10.0.0.1]/hooks",
                "https://0.0.0.0/hooks",
                "https://" + INTRANET_HOST + "/hooks",
                "https://" + METADATA_HOST + "/latest/meta-data");

        for (String target : internal) {
            TestHttp.Response refused = post(SUBSCRIPTIONS, token, request(target, "se.samlyft.*"));

            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(target).contains("targetUrl", "webhooks may not reach");
        }
        assertThat(post(SUBSCRIPTIONS, token, request("https://" + INTRANET_HOST + "/hooks", "se.samlyft.*"))
                        .body())
                .contains("10.20.30.40", "private");
        assertThat(post(SUBSCRIPTIONS, token, request("https://169.254.169.254/", "se.samlyft.*"))
                        .body())
                .contains("link-local");
        assertThat(http.get(SUBSCRIPTIONS, token).json().path("totalItems").asLong())
                .isZero();
    }

    @Test
    void refusesPlainHttpToAnythingButThisMachineAndUrlsThatAreNoTargets() {
        String token = coordinatorOf(tenant("asele"));

        assertThat(post(SUBSCRIPTIONS, token, request("http://93.184.216.34/hooks", "se.samlyft.*"))
                        .body())
                .contains("must use https");
        assertThat(post(SUBSCRIPTIONS, token, request("ftp://93.184.216.34/hooks", "se.samlyft.*"))
                        .body())
                .contains("absolute https URL");
        assertThat(post(SUBSCRIPTIONS, token, request("https://ombud:hemligt@93.184.216.34/", "se.samlyft.*"))
                        .body())
                .contains("user name or password");
        assertThat(post(SUBSCRIPTIONS, token, request("https://värd.invalid/", "se.samlyft.*"))
                        .status())
                .isEqualTo(400);
        assertThat(post(SUBSCRIPTIONS, token, request("https://finns-inte.invalid/hooks", "se.samlyft.*"))
                        .body())
                .contains("does not resolve");
    }

    @Test
    void refusesEventTypesThatAreNotPublished() {
        String token = coordinatorOf(tenant("norsjo"));

        TestHttp.Response unknown = post(
                SUBSCRIPTIONS, token, request(RECEIVER.url("/norsjo"), "se.samlyft.enrolment.enrolment-betald.v1"));
        TestHttp.Response none = post(SUBSCRIPTIONS, token, request(RECEIVER.url("/norsjo")));
        TestHttp.Response prefix = post(SUBSCRIPTIONS, token, request(RECEIVER.url("/norsjo"), "se.samlyft.kassa.*"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("eventTypes", "enrolment-betald");
        assertThat(none.status()).isEqualTo(400);
        assertThat(prefix.body()).contains("se.samlyft.kassa.*");
    }

    @Test
    void aCoordinatorOrAnIntegrationClientSubscribesAndOthersDoNot() {
        String solleftea = tenant("solleftea");

        assertThat(post(SUBSCRIPTIONS, coordinatorOf(solleftea), request(RECEIVER.url("/s"), "se.samlyft.*"))
                        .status())
                .isEqualTo(201);
        assertThat(post(SUBSCRIPTIONS, integratorOf(solleftea), request(RECEIVER.url("/s"), "se.samlyft.*"))
                        .status())
                .isEqualTo(201);
        assertThat(post(SUBSCRIPTIONS, participantOf(solleftea), request(RECEIVER.url("/s"), "se.samlyft.*"))
                        .status())
                .isEqualTo(403);
        assertThat(http.get(SUBSCRIPTIONS, coordinatorOf(solleftea))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void anotherOrganisationNeitherSeesNorChangesASubscription() {
        String owner = tenant("arvidsjaur");
        String other = tenant("mala");
        ObjectNode created = subscribe(coordinatorOf(owner), "/" + owner, "se.samlyft.*");
        String id = created.path("subscription").path("id").asString();
        String path = SUBSCRIPTIONS + "/" + id;
        String stranger = coordinatorOf(other);

        assertThat(http.get(path, stranger).status()).isEqualTo(404);
        assertThat(http.get(path + "/deliveries", stranger).status()).isEqualTo(404);
        assertThat(http.send(http.request(path, stranger)
                                .header("If-Match", "\"1\"")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(request(RECEIVER.url("/kapad"), "se.samlyft.*")
                                        .toString()))
                                .build())
                        .status())
                .isEqualTo(404);
        assertThat(post(path + "/pause", stranger, "").status()).isEqualTo(404);
        assertThat(post(path + "/secret", stranger, "{}").status()).isEqualTo(404);
        assertThat(post(path + "/replay", stranger, "{\"from\":\"2026-01-01T00:00:00Z\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.send(http.request(path, stranger).DELETE().build()).status())
                .isEqualTo(404);
        assertThat(http.get(SUBSCRIPTIONS, stranger).body()).doesNotContain(id);
        assertThat(http.get(path, coordinatorOf(owner)).json().path("targetUrl").asString())
                .isEqualTo(RECEIVER.url("/" + owner));
    }

    @Test
    void changesNeedTheVersionLastReadAndARetriedCreationAnswersTheSameSecret() {
        String lycksele = tenant("lycksele");
        String token = coordinatorOf(lycksele);
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = createWithKey(token, key);
        TestHttp.Response retried = createWithKey(token, key);
        String path = SUBSCRIPTIONS + "/"
                + first.json().path("subscription").path("id").asString();

        TestHttp.Response withoutIfMatch = put(path, token, null);
        TestHttp.Response stale = put(path, token, "\"7\"");
        TestHttp.Response changed = put(path, token, first.header("ETag"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.json().path("secret").asString())
                .isEqualTo(first.json().path("secret").asString());
        assertThat(http.get(SUBSCRIPTIONS, token).json().path("totalItems").asLong())
                .isEqualTo(1);
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("eventTypes").get(0).asString()).isEqualTo("se.samlyft.catalog.*");
        assertThat(changed.json().path("description").asString()).isEqualTo("Lönesystemet får kursdata");
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aSubscriptionIsPausedAndResumedByItsOwnerAndDeletedWithItsDeliveries() {
        String token = coordinatorOf(tenant("arjeplog"));
        String path = SUBSCRIPTIONS + "/"
                + subscribe(token, "/arjeplog", "se.samlyft.*")
                        .path("subscription")
                        .path("id")
                        .asString();

        JsonNode paused = post(path + "/pause", token, "").json();
        TestHttp.Response pausedAgain = post(path + "/pause", token, "");
        JsonNode resumed = post(path + "/resume", token, "").json();
        int deleted = http.send(http.request(path, token).DELETE().build()).status();

        assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.path("pausedReason").asString()).contains("Paused by");
        assertThat(pausedAgain.status()).isEqualTo(409);
        assertThat(resumed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(resumed.path("pausedReason").isNull()).isTrue();
        assertThat(deleted).isEqualTo(204);
        assertThat(http.get(path, token).status()).isEqualTo(404);
    }

    private TestHttp.Response createWithKey(String token, String key) {
        ObjectNode body = request(RECEIVER.url("/lycksele"), "se.samlyft.enrolment.*");
        return http.send(http.request(SUBSCRIPTIONS, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private TestHttp.Response put(String path, String token, String ifMatch) {
        ObjectNode body = request(RECEIVER.url("/lycksele"), "se.samlyft.catalog.*")
                .put("description", "Lönesystemet får kursdata");
        HttpRequest.Builder request = http.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build());
    }

    private static ObjectNode request(String target, String... types) {
        ObjectNode request = JSON.createObjectNode().put("targetUrl", target);
        tools.jackson.databind.node.ArrayNode eventTypes = request.putArray("eventTypes");
        for (String type : types) {
            eventTypes.add(type);
        }
        return request;
    }
}
