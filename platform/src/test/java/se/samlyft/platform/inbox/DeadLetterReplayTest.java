package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.platform.inbox.InboxTestApplication.CourseRejected;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The replay of the test service's dead letters after their cause was fixed: each is applied once, through the
 * service's own listener, however often the administrators ask; and only they may ask. Other test classes of the
 * application leave poison on the same dead-letter topic, which fails again at every replay.
 */
class DeadLetterReplayTest extends AgainstInboxTestApplication {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private DeadLetterReplay replay;

    @LocalServerPort
    private int port;

    @Test
    void appliesADeadLetterOnceAfterItsCauseWasFixedAndSendsOneThatStillFailsBack() {
        int earlier = replay.waiting().waiting();
        UUID course = UUID.randomUUID();
        TestEvent refusedOnce = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demensvård steg 1");
        TestEvent refusedAlways = TestEvent.coursePublished(MALA, UUID.randomUUID(), 1, "Ännu inte rättad");
        effects.failFirst(refusedOnce.id(), 1, () -> new CourseRejected("Kursen saknar ägare"));
        effects.failAlways(refusedAlways.id(), () -> new CourseRejected("Kursen saknar fortfarande ägare"));
        TestEvent marker = TestEvent.coursePublished(ARVIDSJAUR, UUID.randomUUID(), 1, "Markering");
        send(refusedOnce, refusedAlways, marker);
        await().atMost(PATIENCE).until(() -> processedRows(marker.id()) == 1);
        await().atMost(PATIENCE).until(() -> replay.waiting().waiting() == earlier + 2);
        assertThat(processedRows(refusedOnce.id()))
                .as("not applied before the replay")
                .isZero();

        DeadLetterReplay.Outcome first = replay.replay();
        DeadLetterReplay.Outcome second = replay.replay();

        assertThat(first.replayed()).isEqualTo(1);
        assertThat(first.failedAgain())
                .as("the one still failing, and the other tests' poison")
                .isEqualTo(earlier + 1);
        assertThat(first.failures())
                .anySatisfy(failure -> assertThat(failure).contains("Kursen saknar fortfarande ägare"));
        assertThat(first.waiting())
                .as("those that failed again wait at the end")
                .isEqualTo(earlier + 1);
        assertThat(processedRows(refusedOnce.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Demensvård steg 1");
        assertThat(effects.runs(refusedOnce.id()))
                .as("refused once, applied once")
                .isEqualTo(2);
        assertThat(second.replayed()).isZero();
        assertThat(second.failedAgain())
                .as("those still failing, tried once more")
                .isEqualTo(earlier + 1);
        assertThat(effects.runs(refusedOnce.id())).as("never again").isEqualTo(2);
        assertThat(effects.runs(refusedAlways.id())).isEqualTo(3);
    }

    @Test
    void letsOnlyThePlatformsAdministratorsReplay() {
        TestHttp http = TestHttp.onPort(port);
        String administrator = TestTokens.get()
                .token()
                .username("samlyft-forvaltare")
                .roles("platform-admin")
                .sign();
        String coordinator = TestTokens.get().forUser("arvidsjaur-samordnare", ARVIDSJAUR, "coordinator");

        assertThat(http.send(post(http, null)).status()).isEqualTo(401);
        assertThat(http.send(post(http, coordinator)).status()).isEqualTo(403);
        assertThat(http.get("/actuator/deadletters", coordinator).status()).isEqualTo(403);
        TestHttp.Response replayed = http.send(post(http, administrator));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("topic").asString()).isEqualTo("samlyft.inbox-test.dlt");
        assertThat(http.get("/actuator/deadletters", administrator).json().has("waiting"))
                .isTrue();
    }

    private static HttpRequest post(TestHttp http, String token) {
        return http.request("/actuator/deadletters", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
