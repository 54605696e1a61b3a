package se.samlyft.integration.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.integration.fixture.Event;
import se.samlyft.integration.fixture.Events;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/** The feed through the API: pages in order, cursors, filters, and only the caller's organisation's events. */
class FeedApiTest extends AgainstIntegration {

    private static final String FEED = "/api/integrations/events";

    @Test
    void pagesThroughTheOrganisationsEventsInOrderToTheEndAndThenWaitsAtTheLastCursor() {
        String mala = tenant("mala");
        String token = integratorOf(mala);
        Events.Enrolment enrolment = Events.enrolment(mala, mala);
        List<Event> sent = List.of(
                Events.personRegistered(mala, enrolment.personId()),
                enrolment.requested(),
                enrolment.confirmed(2),
                enrolment.started(3),
                enrolment.completed(4));
        EVENTS.send(sent.toArray(Event[]::new));
        eventually(
                () -> http.get(FEED + "?limit=1000", token),
                answer -> answer.json().size() == 5);

        List<String> ids = new ArrayList<>();
        String path = FEED + "?limit=2";
        TestHttp.Response page;
        int pages = 0;
        do {
            page = http.get(path, token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("application/cloudevents-batch+json");
            page.json().forEach(event -> ids.add(event.path("id").asString()));
            path = FEED + "?limit=2&after=" + page.header("Next-Cursor");
            pages++;
        } while (page.json().size() == 2);

        assertThat(ids).containsExactlyElementsOf(sent.stream().map(Event::id).toList());
        assertThat(pages).isEqualTo(3);
        assertThat(page.header("Link")).contains("after=" + page.header("Next-Cursor"), "rel=\"next\"");
        assertThat(http.get(path, token).json().size()).isZero();
        Event later = enrolment.progress(5, 4);
        EVENTS.send(later);
        String cursor = path;
        JsonNode next = eventually(
                        () -> http.get(cursor, token), answer -> answer.json().size() == 1)
                .json();
        assertThat(next.get(0).path("id").asString()).isEqualTo(later.id());
    }

    @Test
    void filtersByTypeAndPrefix() {
        String arvidsjaur = tenant("arvidsjaur");
        String token = coordinatorOf(arvidsjaur);
        Events.Enrolment enrolment = Events.enrolment(arvidsjaur, arvidsjaur);
        EVENTS.send(
                Events.coursePublished(arvidsjaur, UUID.randomUUID(), "Säker dokumentation"),
                enrolment.requested(),
                enrolment.confirmed(2));
        eventually(() -> http.get(FEED, token), answer -> answer.json().size() == 3);

        JsonNode enrolments =
                http.get(FEED + "?types=se.samlyft.enrolment.*", token).json();
        JsonNode confirmed = http.get(
                        FEED + "?types=se.samlyft.enrolment.enrolment-confirmed.v1,se.samlyft.catalog.*", token)
                .json();
        TestHttp.Response unknown = http.get(FEED + "?types=se.samlyft.lon.*", token);

        assertThat(enrolments.valueStream().map(event -> event.path("type").asString()))
                .containsExactly(
                        "se.samlyft.enrolment.enrolment-requested.v1", "se.samlyft.enrolment.enrolment-confirmed.v1");
        assertThat(confirmed.valueStream().map(event -> event.path("type").asString()))
                .containsExactly(
                        "se.samlyft.catalog.course-published.v1", "se.samlyft.enrolment.enrolment-confirmed.v1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("types");
    }

    @Test
    void showsOnlyTheCallersOrganisationAndAFederationOnlyItsOwnScope() {
        String federation = tenant("akademi-norr");
        String member = tenant("lycksele");
        String other = tenant("dorotea");
        Events.Enrolment joint = Events.enrolment(member, federation);
        Events.Enrolment own = Events.enrolment(member, member);
        Event jointRequested = joint.requested();
        Event ownRequested = own.requested();
        Event course = Events.coursePublished(federation, UUID.randomUUID(), "Personcentrerad vård");
        Event person = Events.personRegistered(member, own.personId());
        EVENTS.send(course, person, jointRequested, ownRequested);
        eventually(
                () -> http.get(FEED, coordinatorOf(member)),
                answer -> answer.json().size() == 3);

        JsonNode ofFederation = eventually(
                        () -> http.get(FEED, federationCoordinatorOf(federation)),
                        answer -> answer.json().size() == 2)
                .json();
        JsonNode ofOther = http.get(FEED, coordinatorOf(other)).json();

        assertThat(ofFederation.valueStream().map(event -> event.path("id").asString()))
                .containsExactly(course.id(), jointRequested.id());
        assertThat(ofOther.size()).isZero();
        assertThat(http.get(FEED, participantOf(member)).status()).isEqualTo(403);
    }

    @Test
    void anEventThatBreaksItsContractIsLeftOutAndTheEventsAfterItStillCome() {
        String kramfors = tenant("kramfors");
        String token = coordinatorOf(kramfors);
        Events.Enrolment enrolment = Events.enrolment(kramfors, kramfors);
        Event broken = enrolment.requested().with("requestedBy", "GRANNEN");
        Event after = enrolment.confirmed(2);

        EVENTS.send(broken, after);

        JsonNode feed = eventually(
                        () -> http.get(FEED, token), answer -> answer.json().size() == 1)
                .json();
        assertThat(feed.get(0).path("id").asString()).isEqualTo(after.id());
    }

    @Test
    void refusesACursorItDidNotGive() {
        String token = coordinatorOf(tenant("storuman"));

        TestHttp.Response notOne = http.get(FEED + "?after=abc", token);
        TestHttp.Response ahead = http.get(FEED + "?after=999999", token);
        TestHttp.Response tooMany = http.get(FEED + "?limit=5000", token);

        assertThat(notOne.status()).isEqualTo(400);
        assertThat(notOne.body()).contains("after");
        assertThat(ahead.status()).isEqualTo(400);
        assertThat(tooMany.status()).isEqualTo(400);
    }
}
