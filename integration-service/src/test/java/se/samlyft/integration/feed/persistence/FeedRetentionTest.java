package se.samlyft.integration.feed.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.integration.fixture.Events;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/**
 * The feed keeps events for its retention period: older ones are deleted, a cursor before them is answered 410 Gone,
 * and an event a paused subscription still waits for is kept until it is delivered.
 */
class FeedRetentionTest extends AgainstIntegration {

    @Autowired
    JdbcFeedRetention retention;

    @Autowired
    TestDatabase database;

    @Test
    void deletesEventsPastTheRetentionAndAnswersACursorBeforeThemWithGone() {
        String asele = tenant("asele");
        String token = coordinatorOf(asele);
        String subscription = subscribe(token, "/" + asele, "se.samlyft.enrolment.*")
                .path("subscription")
                .path("id")
                .asString();
        post("/api/integrations/subscriptions/" + subscription + "/pause", token, "");
        Events.Enrolment enrolment = Events.enrolment(asele, asele);
        EVENTS.send(Events.personRegistered(asele, enrolment.personId()), enrolment.requested());
        eventually(
                () -> http.get("/api/integrations/events", token),
                answer -> answer.json().size() == 2);
        EVENTS.send(enrolment.confirmed(2));
        eventually(
                () -> http.get("/api/integrations/events", token),
                answer -> answer.json().size() == 3);
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.update(
                "update feed_event set stored_at = now() - interval '31 days' where tenant_id = ? and position <= 2",
                asele);

        int deleted = retention.purge();

        TestHttp.Response fromStart = http.get("/api/integrations/events", token);
        TestHttp.Response stale = http.get("/api/integrations/events?after=1", token);
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(fromStart.json().size()).isEqualTo(1);
        assertThat(fromStart.json().get(0).path("type").asString())
                .isEqualTo("se.samlyft.enrolment.enrolment-confirmed.v1");
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.body()).contains("30 days");
        assertThat(owner.queryForObject(
                        "select count(*) from feed_event where tenant_id = ? and position = 2", Integer.class, asele))
                .as("the event the paused subscription waits for")
                .isEqualTo(1);
        assertThat(owner.queryForObject(
                        "select count(*) from feed_event where tenant_id = ? and position = 1", Integer.class, asele))
                .isZero();
    }
}
