package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.coordinator;
import static se.samlyft.enrolment.EnrolmentApi.invalidFields;
import static se.samlyft.enrolment.EnrolmentApi.manager;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/** Requesting, approving, declining and withdrawing seats through the API, and every refusal on the way. */
class EnrolmentApiTest extends AgainstEnrolment {

    private static final String ARVIDSJAUR = "arvidsjaur";
    private static final String MALA = "mala";
    private static final String SORSELE = "sorsele";

    @Autowired
    private Seats seats;

    @Autowired
    private TestDatabase database;

    private OfferingSpec offering(int capacity) {
        OfferingSpec spec = new OfferingSpec(upstream.course("SELF_PACED_DIGITAL", 4));
        spec.capacity = capacity;
        return spec;
    }

    private String idOf(TestHttp.Response response) {
        return response.json().path("id").asString();
    }

    @Test
    void aParticipantGetsASeatFromTheQuotaOfTheirOrganisation() {
        OfferingSpec spec = offering(3);
        spec.quotas = Map.of(ARVIDSJAUR, 1);
        UUID offering = upstream.schedule(spec);
        UUID person = upstream.person(ARVIDSJAUR, null);

        var created = api.enrol(participant(ARVIDSJAUR, person), offering);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/enrolments/" + idOf(created));
        assertThat(created.header("ETag")).isEqualTo("\"2\"");
        assertThat(created.json().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(created.json().path("seatSource").asString()).isEqualTo("QUOTA");
        assertThat(created.json().path("requestedBy").asString()).isEqualTo("SELF");
        assertThat(api.get("/api/enrolments/" + idOf(created), participant(ARVIDSJAUR, person))
                        .json()
                        .path("personId")
                        .asString())
                .isEqualTo(person.toString());
    }

    @Test
    void aRetriedRequestWithTheSameKeyNeverMakesASecondEnrolment() {
        UUID offering = upstream.schedule(offering(5));
        UUID person = upstream.person(MALA, null);
        String token = participant(MALA, person);
        String body = "{\"offeringId\":\"" + offering + "\"}";

        var first = api.post("/api/enrolments", token, body, "anmalan-0001");
        var retry = api.post("/api/enrolments", token, body, "anmalan-0001");
        var again = api.post("/api/enrolments", token, body, "anmalan-0002");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(idOf(retry)).isEqualTo(idOf(first));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("enrolled on this offering already", idOf(first));
        Integer rows = new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select count(*) from enrolment where person_id = ?", Integer.class, person);
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void simultaneousDoubleRequestsOfTheSamePeopleMakeOneEnrolmentEach() throws Exception {
        UUID offering = upstream.schedule(offering(4));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = participant(SORSELE, upstream.person(SORSELE, null));
            tokens.add(token);
            tokens.add(token);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return api.enrol(token, offering);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Response> response : sent) {
                statuses.add(response.get().status());
            }

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(8);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(8);
        }
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        assertThat(owner.queryForObject(
                        "select count(distinct person_id) from enrolment where offering_id = ?",
                        Integer.class,
                        offering))
                .isEqualTo(8);
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where offering_id = ? and seat_source is not null",
                        Integer.class,
                        offering))
                .isEqualTo(4);
    }

    @Test
    void aCoordinatorEnrolsStaffOfTheirOwnOrganisationOnly() {
        UUID offering = upstream.schedule(offering(5));
        UUID staff = upstream.person(SORSELE, null);
        String body = "{\"offeringId\":\"" + offering + "\",\"personId\":\"" + staff + "\"}";

        var enrolled = api.post("/api/enrolments", coordinator(SORSELE), body);
        var otherOrganisation = api.post("/api/enrolments", coordinator(MALA), body);
        var notACoordinator = api.post("/api/enrolments", participant(SORSELE, UUID.randomUUID()), body);

        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.json().path("requestedBy").asString()).isEqualTo("COORDINATOR");
        assertThat(otherOrganisation.status()).isEqualTo(404);
        assertThat(notACoordinator.status()).isEqualTo(403);
        assertThat(notACoordinator.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notACoordinator.json().path("detail").asString())
                .isEqualTo("Only a coordinator of the organisation may enrol someone else.");
    }

    @Test
    void requestsOutsideTheAudienceTheWindowOrOfUnknownPeopleAreRefusedClearly() {
        OfferingSpec open = offering(5);
        open.audience = List.of(ARVIDSJAUR);
        UUID offering = upstream.schedule(open);
        OfferingSpec closed = offering(5);
        closed.opens = Instant.now().minus(Duration.ofDays(20));
        closed.closes = Instant.now().minus(Duration.ofDays(1));
        UUID closedOffering = upstream.schedule(closed);
        OfferingSpec notYet = offering(5);
        notYet.opens = Instant.now().plus(Duration.ofDays(3));
        notYet.starts = Instant.now().plus(Duration.ofDays(20));
        UUID notYetOpen = upstream.schedule(notYet);
        UUID malaPerson = upstream.person(MALA, null);
        UUID arvidsjaurPerson = upstream.person(ARVIDSJAUR, null);
        String arvidsjaur = participant(ARVIDSJAUR, arvidsjaurPerson);

        var outsideAudience = api.enrol(participant(MALA, malaPerson), offering);
        var afterClosing = api.enrol(arvidsjaur, closedOffering);
        var beforeOpening = api.enrol(arvidsjaur, notYetOpen);
        var unknownPerson = api.enrol(participant(ARVIDSJAUR, UUID.randomUUID()), offering);
        var unknownOffering = api.enrol(arvidsjaur, UUID.randomUUID());
        var noOffering = api.post("/api/enrolments", arvidsjaur, "{}");

        assertThat(outsideAudience.status()).isEqualTo(404);
        assertThat(afterClosing.status()).isEqualTo(409);
        assertThat(afterClosing.json().path("detail").asString()).startsWith("Enrolment closed at");
        assertThat(beforeOpening.status()).isEqualTo(409);
        assertThat(beforeOpening.json().path("detail").asString()).startsWith("Enrolment opens at");
        assertThat(unknownPerson.status()).isEqualTo(404);
        assertThat(unknownOffering.status()).isEqualTo(404);
        assertThat(noOffering.status()).isEqualTo(400);
        assertThat(invalidFields(noOffering)).containsExactly("offeringId");
    }

    @Test
    void aPersonWhoLeftCannotEnrol() {
        UUID offering = upstream.schedule(offering(5));
        UUID person = upstream.person(MALA, null);
        upstream.personLeft(person, MALA, 2);

        var refused = api.enrol(participant(MALA, person), offering);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("no longer works");
    }

    @Test
    void theSeatOfAPersonWhoLeavesGoesToTheNextPersonWaiting() {
        UUID offering = upstream.schedule(offering(1));
        UUID leaving = upstream.person(MALA, null);
        UUID waiting = upstream.person(SORSELE, null);
        String seat = idOf(api.enrol(participant(MALA, leaving), offering));
        String next = idOf(api.enrol(participant(SORSELE, waiting), offering));

        upstream.personLeft(leaving, MALA, 2);

        assertThat(api.get("/api/enrolments/" + seat, coordinator(MALA))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/enrolments/" + next, participant(SORSELE, waiting))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aFullOfferingWaitlistsInArrivalOrderAndAWithdrawalPromotesTheFirst() {
        UUID offering = upstream.schedule(offering(1));
        UUID holder = upstream.person(ARVIDSJAUR, null);
        UUID first = upstream.person(MALA, null);
        UUID second = upstream.person(SORSELE, null);

        String seat = idOf(api.enrol(participant(ARVIDSJAUR, holder), offering));
        var firstWaiting = api.enrol(participant(MALA, first), offering);
        var secondWaiting = api.enrol(participant(SORSELE, second), offering);

        assertThat(firstWaiting.json().path("state").asString()).isEqualTo("WAITLISTED");
        assertThat(firstWaiting.json().path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(secondWaiting.json().path("waitlistPosition").asInt()).isEqualTo(2);

        var withdrawn = api.act(participant(ARVIDSJAUR, holder), seat, "withdraw");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("state").asString()).isEqualTo("WITHDRAWN");
        var promoted = api.get("/api/enrolments/" + idOf(firstWaiting), participant(MALA, first));
        assertThat(promoted.json().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(promoted.json().path("seatSource").asString()).isEqualTo("POOL");
        var stillWaiting = api.get("/api/enrolments/" + idOf(secondWaiting), participant(SORSELE, second));
        assertThat(stillWaiting.json().path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(api.act(participant(ARVIDSJAUR, holder), seat, "withdraw").status())
                .isEqualTo(409);
        assertThat(api.act(participant(MALA, first), seat, "withdraw").status())
                .as("someone else's enrolment")
                .isEqualTo(404);
    }

    @Test
    void theManagerApprovesOrDeclinesWithAReasonWhileTheSeatIsHeld() {
        OfferingSpec spec = offering(1);
        spec.approvalRequired = true;
        UUID offering = upstream.schedule(spec);
        UUID boss = upstream.person(ARVIDSJAUR, null);
        UUID worker = upstream.person(ARVIDSJAUR, boss);
        UUID waiting = upstream.person(ARVIDSJAUR, boss);

        var held = api.enrol(participant(ARVIDSJAUR, worker), offering);
        String next = idOf(api.enrol(participant(ARVIDSJAUR, waiting), offering));
        String id = idOf(held);

        assertThat(held.json().path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(Instant.parse(held.json().path("holdUntil").asString()))
                .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(api.get("/api/enrolments/approvals", manager(ARVIDSJAUR, boss))
                        .json())
                .extracting(e -> e.path("id").asString())
                .containsExactly(id);
        var byTheParticipant = api.act(participant(ARVIDSJAUR, worker), id, "approve");
        assertThat(byTheParticipant.status()).isEqualTo(403);
        assertThat(byTheParticipant.json().path("detail").asString())
                .isEqualTo("Only the person's manager or a coordinator of the organisation may decide an approval.");
        assertThat(api.act(manager(ARVIDSJAUR, UUID.randomUUID()), id, "approve")
                        .status())
                .isEqualTo(404);
        var noReason = api.post("/api/enrolments/" + id + "/decline", manager(ARVIDSJAUR, boss), "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(invalidFields(noReason)).containsExactly("reason");

        var declined = api.post(
                "/api/enrolments/" + id + "/decline",
                manager(ARVIDSJAUR, boss),
                "{\"reason\":\"Bemanningen räcker inte i vecka 36.\"}");

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().path("state").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().path("declineReason").asString()).isEqualTo("Bemanningen räcker inte i vecka 36.");
        var promoted = api.get("/api/enrolments/" + next, participant(ARVIDSJAUR, waiting));
        assertThat(promoted.json().path("state").asString()).isEqualTo("AWAITING_APPROVAL");

        var approved = api.act(manager(ARVIDSJAUR, boss), next, "approve");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(api.act(manager(ARVIDSJAUR, boss), next, "approve").status()).isEqualTo(409);
    }

    @Test
    void theApprovalsListTheHoldThatRunsOutFirstFirst() {
        OfferingSpec later = offering(3);
        later.approvalRequired = true;
        later.starts = Instant.now().plus(Duration.ofDays(30));
        later.closes = Instant.now().plus(Duration.ofDays(20));
        OfferingSpec sooner = offering(3);
        sooner.approvalRequired = true;
        sooner.starts = Instant.now().plus(Duration.ofDays(2));
        UUID boss = upstream.person(ARVIDSJAUR, null);
        UUID first = upstream.person(ARVIDSJAUR, boss);
        UUID second = upstream.person(ARVIDSJAUR, boss);

        String arrivedFirst = idOf(api.enrol(participant(ARVIDSJAUR, first), upstream.schedule(later)));
        String runsOutFirst = idOf(api.enrol(participant(ARVIDSJAUR, second), upstream.schedule(sooner)));

        assertThat(api.get("/api/enrolments/approvals", manager(ARVIDSJAUR, boss))
                        .json())
                .extracting(e -> e.path("id").asString())
                .containsExactly(runsOutFirst, arrivedFirst);
    }

    @Test
    void aManagerListsTheEnrolmentsOfTheirStaffOnly() {
        UUID offering = upstream.schedule(offering(5));
        UUID boss = upstream.person(SORSELE, null);
        UUID worker = upstream.person(SORSELE, boss);
        UUID colleague = upstream.person(SORSELE, boss);
        UUID someoneElses = upstream.person(SORSELE, upstream.person(SORSELE, null));
        String ofWorker = idOf(api.enrol(participant(SORSELE, worker), offering));
        String ofColleague = idOf(api.enrol(participant(SORSELE, colleague), offering));
        api.enrol(participant(SORSELE, someoneElses), offering);
        api.enrol(participant(SORSELE, boss), offering);

        var staff =
                api.get("/api/enrolments?staff=true", manager(SORSELE, boss)).json();
        var own = api.get("/api/enrolments", manager(SORSELE, boss)).json();
        var firstPage = api.get("/api/enrolments?staff=true&size=1", manager(SORSELE, boss))
                .json();
        var ofAParticipant = api.get("/api/enrolments?staff=true", participant(SORSELE, worker))
                .json();

        assertThat(staff.path("items")).extracting(e -> e.path("id").asString()).containsExactly(ofColleague, ofWorker);
        assertThat(staff.path("totalItems").asLong()).isEqualTo(2);
        assertThat(own.path("items"))
                .extracting(e -> e.path("personId").asString())
                .containsExactly(boss.toString());
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("totalPages").asLong()).isEqualTo(2);
        assertThat(ofAParticipant.path("items"))
                .as("a participant manages no one")
                .isEmpty();
    }

    @Test
    void anActionWithAnIfMatchOfAnOlderVersionChangesNothing() {
        OfferingSpec spec = offering(1);
        spec.approvalRequired = true;
        UUID offering = upstream.schedule(spec);
        UUID boss = upstream.person(MALA, null);
        UUID worker = upstream.person(MALA, boss);
        var held = api.enrol(participant(MALA, worker), offering);
        String id = idOf(held);
        String read = held.header("ETag");

        var stale = api.send(api.request("/api/enrolments/" + id + "/approve", manager(MALA, boss))
                .header("If-Match", "\"1\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        var current = api.send(api.request("/api/enrolments/" + id + "/approve", manager(MALA, boss))
                .header("If-Match", read)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        var staleAgain = api.send(api.request("/api/enrolments/" + id + "/withdraw", participant(MALA, worker))
                .header("If-Match", read)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(staleAgain.status()).isEqualTo(412);
        assertThat(api.get("/api/enrolments/" + id, participant(MALA, worker))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aHoldThatRunsOutIsDeclinedAndTheSeatGoesToTheNext() {
        OfferingSpec spec = offering(1);
        spec.approvalRequired = true;
        UUID offering = upstream.schedule(spec);
        UUID worker = upstream.person(MALA, null);
        UUID next = upstream.person(SORSELE, null);
        var held = api.enrol(participant(MALA, worker), offering);
        String waiting = idOf(api.enrol(participant(SORSELE, next), offering));
        Instant holdUntil = Instant.parse(held.json().path("holdUntil").asString());

        seats.sweep(holdUntil.minusSeconds(1));
        assertThat(api.get("/api/enrolments/" + idOf(held), participant(MALA, worker))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("AWAITING_APPROVAL");
        seats.sweep(holdUntil);

        var expired = api.get("/api/enrolments/" + idOf(held), participant(MALA, worker))
                .json();
        assertThat(expired.path("state").asString()).isEqualTo("DECLINED");
        assertThat(expired.path("declineReason").asString()).contains("No decision by the manager");
        assertThat(api.get("/api/enrolments/" + waiting, participant(SORSELE, next))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void atTheReleaseDateUnusedQuotaSeatsGoToThePeopleWaiting() {
        OfferingSpec spec = offering(3);
        spec.quotas = Map.of(MALA, 2);
        spec.quotaReleaseAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID offering = upstream.schedule(spec);
        UUID pooled = upstream.person(ARVIDSJAUR, null);
        UUID waiting = upstream.person(ARVIDSJAUR, null);
        UUID later = upstream.person(SORSELE, null);
        api.enrol(participant(ARVIDSJAUR, pooled), offering);
        String first = idOf(api.enrol(participant(ARVIDSJAUR, waiting), offering));
        String second = idOf(api.enrol(participant(SORSELE, later), offering));

        seats.sweep(spec.quotaReleaseAt.minusSeconds(1));
        assertThat(api.get("/api/enrolments/" + first, participant(ARVIDSJAUR, waiting))
                        .json()
                        .path("state")
                        .asString())
                .as("before the release")
                .isEqualTo("WAITLISTED");
        seats.sweep(spec.quotaReleaseAt);

        assertThat(api.get("/api/enrolments/" + first, participant(ARVIDSJAUR, waiting))
                        .json()
                        .path("seatSource")
                        .asString())
                .isEqualTo("POOL");
        assertThat(api.get("/api/enrolments/" + second, participant(SORSELE, later))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CONFIRMED");
        Integer handled = new JdbcTemplate(database.ownerDataSource())
                .queryForObject(
                        "select count(*) from enrolment_offerings_due(?) as due where due = ?",
                        Integer.class,
                        java.sql.Timestamp.from(spec.quotaReleaseAt.plusSeconds(60)),
                        offering);
        assertThat(handled).as("due again after the sweep").isZero();
    }

    @Test
    void aCancelledOfferingCancelsItsEnrolmentsAndACapacityIncreasePromotesAtOnce() {
        OfferingSpec spec = offering(1);
        UUID offering = upstream.schedule(spec);
        UUID holder = upstream.person(SORSELE, null);
        UUID waiting = upstream.person(MALA, null);
        String seat = idOf(api.enrol(participant(SORSELE, holder), offering));
        String next = idOf(api.enrol(participant(MALA, waiting), offering));

        spec.capacity = 2;
        upstream.change(spec);

        assertThat(api.get("/api/enrolments/" + next, participant(MALA, waiting))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CONFIRMED");

        upstream.cancel(spec);

        assertThat(api.get("/api/enrolments/" + seat, participant(SORSELE, holder))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CANCELLED");
        assertThat(api.get("/api/enrolments/" + next, participant(MALA, waiting))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("CANCELLED");
        var late = api.enrol(participant(SORSELE, upstream.person(SORSELE, null)), offering);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("cancelled");
    }

    @Test
    void eachTransitionIsPublishedInOrderWithTheFactsAReportNeeds() {
        OfferingSpec spec = offering(2);
        spec.quotas = Map.of(MALA, 1);
        UUID offering = upstream.schedule(spec);
        UUID person = upstream.person(MALA, null);
        String id = idOf(api.enrol(participant(MALA, person), offering));
        api.act(participant(MALA, person), id, "withdraw");

        var events = PublishedEvents.of(id, 3);

        assertThat(events)
                .extracting(PublishedEvents::typeOf)
                .containsExactly("enrolment-requested.v1", "enrolment-confirmed.v1", "enrolment-withdrawn.v1");
        assertThat(events)
                .extracting(e -> PublishedEvents.data(e).path("version").asLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(events)
                .allSatisfy(e ->
                        assertThat(PublishedEvents.header(e, "ce_tenantid")).isEqualTo(MALA));
        var confirmed = PublishedEvents.data(events.get(1));
        assertThat(confirmed.path("seatSource").asString()).isEqualTo("QUOTA");
        assertThat(confirmed.path("organisation").asString()).isEqualTo(MALA);
        assertThat(confirmed.path("offeringOwner").asString()).isEqualTo("akademi-norr");
        assertThat(confirmed.path("programmeId").asString()).isEqualTo(spec.programmeId.toString());
        assertThat(confirmed.path("courseId").asString()).isEqualTo(spec.courseId.toString());
        assertThat(PublishedEvents.data(events.get(2)).path("state").asString()).isEqualTo("WITHDRAWN");
    }
}
