package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects of one tenant made through the gateway with its coordinator's token, each carrying a marker text: a
 * programme, a published course, an offering funded by the programme, one of the tenant's people enrolled on it, and a
 * webhook subscription (to a type no test produces).
 */
final class TenantData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TenantData() {}

    /** The tenant's programme, published course and an offering open to its own staff; returns the offering's id. */
    static String createFor(TestHttp gateway, String coordinator, String marker) {
        ObjectNode programme = JSON.createObjectNode()
                .put("number", "2026/" + Math.abs(marker.hashCode() % 100_000))
                .put("name", marker)
                .put("funder", "ESF")
                .put("region", "Övre Norrland")
                .put("start", "2026-01-01")
                .put("end", "2027-12-31")
                .put("totalBudgetSek", 6_388_583)
                .put("grantSek", 2_993_347)
                .put("coFinancingRatePercent", 50)
                .put("plannedParticipants", 460);
        JsonNode createdProgramme = created(gateway, "/api/catalog/programmes", coordinator, programme);

        ObjectNode course = JSON.createObjectNode()
                .put("title", marker)
                .put("description", "Grunderna i social dokumentation: vad som ska skrivas, var och varför.")
                .put("format", "SELF_PACED_DIGITAL")
                .put("formal", false);
        course.putArray("themes").add("säker dokumentation");
        course.putArray("targetOccupations").add("undersköterska");
        course.putArray("modules")
                .addObject()
                .put("title", "Varför vi dokumenterar")
                .put("estimatedMinutes", 45);
        String courseId = created(gateway, "/api/catalog/courses", coordinator, course)
                .path("id")
                .asString();
        TestHttp.Response published = send(gateway, "/api/catalog/courses/" + courseId + "/publish", coordinator, "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ObjectNode offering = JSON.createObjectNode()
                .put("courseId", courseId)
                .put("enrolmentOpensAt", now.minus(1, ChronoUnit.DAYS).toString())
                .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                .put("startsAt", now.plus(35, ChronoUnit.DAYS).toString())
                .put("endsAt", now.plus(60, ChronoUnit.DAYS).toString())
                .put("online", true)
                .put("capacity", 20)
                .put("approvalRequired", false)
                .put("paidWorkingTime", true)
                .put("programmeId", createdProgramme.path("id").asString())
                .put("audience", "OWN_STAFF");
        String offeringId = created(gateway, "/api/catalog/offerings", coordinator, offering)
                .path("id")
                .asString();

        ObjectNode subscription = JSON.createObjectNode()
                .put("targetUrl", "http://127.0.0.1:" + RunningPlatform.receiverPort() + "/isolering")
                .put("description", marker);
        subscription.putArray("eventTypes").add("se.samlyft.identity.person-erased.v1");
        created(gateway, "/api/integrations/subscriptions", coordinator, subscription);
        enrolOnePerson(gateway, coordinator, offeringId);
        return offeringId;
    }

    /**
     * The coordinator enrols one of the organisation's people on the offering, once enrolment-service has the
     * catalog's event of it: so that the tenant has an enrolment, a roster and seats for others to try to reach.
     */
    private static void enrolOnePerson(TestHttp gateway, String coordinator, String offeringId) {
        TestHttp.Response people = gateway.get("/api/identity/people?size=1", coordinator);
        assertThat(people.status()).as(people.body()).isEqualTo(200);
        String personId = people.json().path("items").get(0).path("id").asString();
        String request = JSON.createObjectNode()
                .put("offeringId", offeringId)
                .put("personId", personId)
                .toString();
        Instant until = Instant.now().plusSeconds(60);
        TestHttp.Response enrolled = send(gateway, "/api/enrolments", coordinator, request);
        while (enrolled.status() == 404 && Instant.now().isBefore(until)) {
            pause();
            enrolled = send(gateway, "/api/enrolments", coordinator, request);
        }
        assertThat(enrolled.status()).as("/api/enrolments: " + enrolled.body()).isEqualTo(201);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the offering to reach enrolment-service");
        }
    }

    private static JsonNode created(TestHttp gateway, String path, String token, ObjectNode body) {
        TestHttp.Response response = send(gateway, path, token, body.toString());
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
        return response.json();
    }

    private static TestHttp.Response send(TestHttp gateway, String path, String token, String body) {
        return gateway.send(gateway.request(path, token)
                .header("Content-Type", "application/json")
                .POST(
                        body.isEmpty()
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
