package se.samlyft.platform.inbox;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import se.samlyft.platform.inbox.InboxTestApplication.CourseProjection;

/** The inbox called directly, on the test application's database, as a listener calls it. */
class InboxTest extends AgainstInboxTestApplication {

    private static final String TOPIC = "samlyft.catalog.events";

    @Autowired
    private Inbox inbox;

    @Autowired
    private CourseProjection projection;

    private final UUID course = UUID.randomUUID();

    @Test
    void appliesAnEventOnceWhenTheSameRecordIsHandledAgain() {
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC");
        InboundEvent event = InboundEvent.from(published.received(TOPIC, 10));

        boolean first = inbox.handle(CourseProjection.CONSUMER, event, projection::apply);
        boolean again = inbox.handle(CourseProjection.CONSUMER, event, projection::apply);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(effects.runs(event.id())).isEqualTo(1);
        assertThat(processedRows(event.id())).isEqualTo(1);
    }

    @Test
    void appliesAnEventIdOnceWhenItComesAgainInAnotherRecord() {
        TestEvent published = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC");
        TestEvent republished = TestEvent.coursePublished(ARVIDSJAUR, course, 2, "Demens ABC – ny titel")
                .header("ce_id", published.id());

        inbox.handle(CourseProjection.CONSUMER, published.received(TOPIC, 10), projection::apply);
        boolean again = inbox.handle(CourseProjection.CONSUMER, republished.received(TOPIC, 11), projection::apply);

        assertThat(again).isFalse();
        assertThat(effects.runs(published.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Demens ABC");
    }

    @Test
    void appliesAnEventOncePerConsumer() {
        InboundEvent event = InboundEvent.from(
                TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC").received(TOPIC, 10));

        assertThat(inbox.handle("course-projection", event, ignored -> {})).isTrue();
        assertThat(inbox.handle("course-notifications", event, ignored -> {})).isTrue();
        assertThat(inbox.handle("course-notifications", event, ignored -> {})).isFalse();
    }

    @Test
    void leavesNoTraceWhenTheEffectFailsAndAppliesTheEventWhenItComesAgain() {
        InboundEvent event = InboundEvent.from(
                TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC").received(TOPIC, 10));
        effects.failFirst(event.id(), 1, () -> new IllegalStateException("Databasen svarar inte"));

        assertThatThrownBy(() -> inbox.handle(CourseProjection.CONSUMER, event, projection::apply))
                .hasMessage("Databasen svarar inte");
        assertThat(processedRows(event.id())).isZero();
        assertThat(courseRows()).isZero();

        assertThat(inbox.handle(CourseProjection.CONSUMER, event, projection::apply))
                .isTrue();
        assertThat(processedRows(event.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Demens ABC");
    }

    @Test
    void appliesAnEventOnceWhenTwoInstancesHandleItAtTheSameTime() throws Exception {
        InboundEvent event = InboundEvent.from(
                TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC").received(TOPIC, 10));
        CountDownLatch firstIsApplying = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first =
                CompletableFuture.supplyAsync(() -> inbox.handle(CourseProjection.CONSUMER, event, applying -> {
                    firstIsApplying.countDown();
                    await(releaseFirst);
                    projection.apply(applying);
                }));
        await(firstIsApplying);
        CompletableFuture<Boolean> second =
                CompletableFuture.supplyAsync(() -> inbox.handle(CourseProjection.CONSUMER, event, projection::apply));

        assertThatThrownBy(() -> second.get(500, java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("the second waits for the first's transaction")
                .isInstanceOf(TimeoutException.class);
        releaseFirst.countDown();

        assertThat(first.get(10, SECONDS)).isTrue();
        assertThat(second.get(10, SECONDS)).isFalse();
        assertThat(effects.runs(event.id())).isEqualTo(1);
    }

    @Test
    void runsTheEffectInTheTenantScopeOfTheEvent() {
        InboundEvent event = InboundEvent.from(
                TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC").received(TOPIC, 10));

        inbox.handle(CourseProjection.CONSUMER, event, projection::apply);

        assertThat(effects.scopeSeenBy(event.id())).isEqualTo(ARVIDSJAUR);
        assertThat(titlesSeenBy(ARVIDSJAUR, course)).containsExactly("Demens ABC");
        assertThat(titlesSeenBy(MALA, course)).isEmpty();
    }

    @Test
    void runsTheEffectInTheEventsScopeEvenInsideATransactionOfAnotherScope() {
        InboundEvent event = InboundEvent.from(
                TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC").received(TOPIC, 10));

        inScopeOf(MALA, () -> inbox.handle(CourseProjection.CONSUMER, event, projection::apply));

        assertThat(effects.scopeSeenBy(event.id())).isEqualTo(ARVIDSJAUR);
        assertThat(titlesSeenBy(ARVIDSJAUR, course)).containsExactly("Demens ABC");
    }

    @Test
    void runsAnEventOfNoTenantInTheEmptyScopeWhereNoTenantsRowsCanBeWritten() {
        InboundEvent occupationDefined = InboundEvent.from(TestEvent.coursePublished(ARVIDSJAUR, course, 1, "")
                .without("ce_tenantid")
                .header("ce_type", "se.samlyft.identity.occupation-defined.v1")
                .header("ce_source", "/samlyft/identity-service")
                .value("{\"code\": \"usk-" + course + "\", \"name\": \"Undersköterska\"}")
                .received("samlyft.identity.events", 10));
        InboundEvent coursePublishedWithoutTenant =
                InboundEvent.from(TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC")
                        .without("ce_tenantid")
                        .received(TOPIC, 11));

        boolean applied = inbox.handle("occupations", occupationDefined, event -> {
            effects.attempt(event);
            jdbc.update(
                    "insert into occupation values (?, ?)",
                    event.data().path("code").asString(),
                    event.data().path("name").asString());
        });

        assertThat(applied).isTrue();
        assertThat(effects.scopeSeenBy(occupationDefined.id())).isEmpty();
        assertThat(owner.queryForObject("select name from occupation where code = ?", String.class, "usk-" + course))
                .isEqualTo("Undersköterska");
        assertThatThrownBy(
                        () -> inbox.handle(CourseProjection.CONSUMER, coursePublishedWithoutTenant, projection::apply))
                .rootCause()
                .hasMessageContaining("new row violates row-level security policy");
        assertThat(processedRows(coursePublishedWithoutTenant.id())).isZero();
    }

    @Test
    void appliesThePollsRecordsInOneTransactionEachInTheScopeOfItsEvent() {
        UUID inMala = UUID.randomUUID();
        TestEvent arvidsjaur = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC");
        TestEvent mala = TestEvent.coursePublished(MALA, inMala, 1, "Palliativ vård i Malå");
        List<ConsumerRecord<String, String>> poll =
                List.of(arvidsjaur.received(TOPIC, 10), mala.received(TOPIC, 11), arvidsjaur.received(TOPIC, 12));
        List<String> committed = new ArrayList<>();

        inbox.handlePoll(poll, record -> {
            if (inbox.handle(CourseProjection.CONSUMER, record, projection::apply)) {
                Inbox.afterCommit(() -> committed.add(record.key()));
            }
        });

        assertThat(committed).containsExactly(arvidsjaur.key(), mala.key());
        assertThat(effects.runs(arvidsjaur.id())).isEqualTo(1);
        assertThat(effects.scopeSeenBy(arvidsjaur.id())).isEqualTo(ARVIDSJAUR);
        assertThat(effects.scopeSeenBy(mala.id())).isEqualTo(MALA);
        assertThat(titlesSeenBy(MALA, inMala)).containsExactly("Palliativ vård i Malå");
        assertThat(titlesSeenBy(ARVIDSJAUR, inMala)).isEmpty();
        assertThat(titleOf(course)).isEqualTo("Demens ABC");
    }

    @Test
    void commitsTheRecordsBeforeAFailedOneAndNamesItForTheErrorHandler() {
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        TestEvent applied = TestEvent.coursePublished(ARVIDSJAUR, course, 1, "Demens ABC");
        TestEvent failing = TestEvent.coursePublished(ARVIDSJAUR, second, 1, "Alltid fel");
        TestEvent after = TestEvent.coursePublished(MALA, third, 1, "Efter felet");
        effects.failAlways(failing.id(), () -> new IllegalStateException("Databasen svarar inte"));
        List<ConsumerRecord<String, String>> poll =
                List.of(applied.received(TOPIC, 20), failing.received(TOPIC, 21), after.received(TOPIC, 22));
        List<String> committed = new ArrayList<>();

        assertThatThrownBy(() -> inbox.handlePoll(poll, record -> {
                    if (inbox.handle(CourseProjection.CONSUMER, record, projection::apply)) {
                        Inbox.afterCommit(() -> committed.add(record.key()));
                    }
                }))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasMessageContaining(TOPIC + "-0@21")
                .hasMessageContaining("Databasen svarar inte")
                .hasCauseInstanceOf(IllegalStateException.class);

        assertThat(committed)
                .as("what the rolled-back attempt did is not reported")
                .containsExactly(applied.key());
        assertThat(processedRows(applied.id())).isEqualTo(1);
        assertThat(titleOf(course)).isEqualTo("Demens ABC");
        assertThat(processedRows(failing.id())).isZero();
        assertThat(processedRows(after.id())).as("left for the redelivery").isZero();
        assertThat(owner.queryForObject(
                        "select count(*) from course_view where id in (?, ?)", Integer.class, second, third))
                .isZero();
        assertThat(effects.runs(failing.id())).isEqualTo(1);
        assertThat(effects.runs(after.id())).isZero();
    }

    private int courseRows() {
        return owner.queryForObject("select count(*) from course_view where id = ?", Integer.class, course);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, SECONDS)) {
                throw new IllegalStateException("Waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
