package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.SeatLedger;
import se.samlyft.enrolment.enrolment.SeatSource;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/**
 * The rush on a popular joint course: 500 care workers of Akademi Norr's 12 member municipalities ask for one of 300
 * seats at the same moment, each municipality holding 15 seats and 120 in the shared pool. Exactly 300 get a seat,
 * no quota is exceeded, the rest wait in the order their requests reached the offering, and the outcome is the one a
 * single clerk handing out seats in that order would reach; withdrawals then promote the right people.
 */
class SeatRushTest extends AgainstEnrolment {

    private static final List<String> MEMBERS = List.of(
            "arjeplog",
            "arvidsjaur",
            "dorotea",
            "kramfors",
            "lycksele",
            "mala",
            "norsjo",
            "solleftea",
            "sorsele",
            "storuman",
            "stromsund",
            "vilhelmina");
    private static final int[] APPLICANTS = {80, 70, 60, 50, 45, 40, 35, 30, 30, 25, 20, 15};
    private static final int QUOTA = 15;
    private static final int CAPACITY = 300;

    @Autowired
    private TestDatabase database;

    record Applicant(UUID person, String organisation, String token) {}

    record Row(UUID id, UUID person, String organisation, long arrival, String state, String seat) {}

    @Test
    void fiveHundredSimultaneousRequestsFillExactlyTheSeatsQuotasFirstAndWaitInArrivalOrder() throws Exception {
        OfferingSpec spec = new OfferingSpec(upstream.course("SELF_PACED_DIGITAL", 6));
        spec.capacity = CAPACITY;
        spec.audience = MEMBERS;
        Map<String, Integer> quotas = new LinkedHashMap<>();
        MEMBERS.forEach(member -> quotas.put(member, QUOTA));
        spec.quotas = quotas;
        spec.quotaReleaseAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID offering = upstream.schedule(spec);
        List<Applicant> applicants = new ArrayList<>();
        for (int m = 0; m < MEMBERS.size(); m++) {
            for (int i = 0; i < APPLICANTS[m]; i++) {
                UUID person = upstream.person(MEMBERS.get(m), null);
                applicants.add(new Applicant(person, MEMBERS.get(m), participant(MEMBERS.get(m), person)));
            }
        }
        java.util.Collections.shuffle(applicants, new java.util.Random(2026));
        assertThat(applicants).hasSize(500);

        List<TestHttp.Response> responses = rush(applicants, offering);

        assertThat(responses).extracting(TestHttp.Response::status).containsOnly(201);
        List<Row> rows = rows(offering);
        assertThat(rows).hasSize(500);
        assertThat(rows).filteredOn(row -> row.state().equals("CONFIRMED")).hasSize(CAPACITY);
        assertThat(rows).filteredOn(row -> row.state().equals("WAITLISTED")).hasSize(200);
        for (String member : MEMBERS) {
            assertThat(rows)
                    .as("quota seats of %s", member)
                    .filteredOn(row -> row.organisation().equals(member) && "QUOTA".equals(row.seat()))
                    .hasSize(QUOTA);
        }
        assertThat(rows).filteredOn(row -> "POOL".equals(row.seat())).hasSize(CAPACITY - MEMBERS.size() * QUOTA);

        List<Row> waiting =
                rows.stream().filter(row -> row.state().equals("WAITLISTED")).toList();
        Map<UUID, Integer> positions = new HashMap<>();
        responses.forEach(response -> {
            if (response.json().path("state").asString().equals("WAITLISTED")) {
                positions.put(
                        UUID.fromString(response.json().path("id").asString()),
                        response.json().path("waitlistPosition").asInt());
            }
        });
        assertThat(waiting)
                .extracting(row -> positions.get(row.id()))
                .as("places in order of arrival")
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
        assertThat(seatsByOneClerkInArrivalOrder(rows, spec)).isEqualTo(seatsOf(rows));

        Row poolSeat = rows.stream()
                .filter(row -> "POOL".equals(row.seat()))
                .findFirst()
                .orElseThrow();
        Row firstWaiting = waiting.get(0);
        api.act(tokenOf(applicants, poolSeat), poolSeat.id().toString(), "withdraw");
        assertThat(stateOf(offering, firstWaiting.id())).isEqualTo("CONFIRMED/POOL");

        Row quotaSeat = rows.stream()
                .filter(row -> "QUOTA".equals(row.seat())
                        && !row.organisation().equals(firstWaiting.organisation())
                        && waiting.stream()
                                .skip(1)
                                .anyMatch(w -> w.organisation().equals(row.organisation())))
                .findFirst()
                .orElseThrow();
        Row firstOfThatOrganisation = waiting.stream()
                .filter(row -> row.organisation().equals(quotaSeat.organisation()) && row != firstWaiting)
                .findFirst()
                .orElseThrow();
        Row nextInLine = waiting.get(1);
        api.act(tokenOf(applicants, quotaSeat), quotaSeat.id().toString(), "withdraw");
        assertThat(stateOf(offering, firstOfThatOrganisation.id())).isEqualTo("CONFIRMED/QUOTA");
        if (!nextInLine.organisation().equals(quotaSeat.organisation())) {
            assertThat(stateOf(offering, nextInLine.id()))
                    .as("next in line, of another organisation")
                    .isEqualTo("WAITLISTED/null");
        }
        List<Row> after = rows(offering);
        assertThat(after).filteredOn(row -> row.seat() != null).hasSize(CAPACITY);
    }

    private List<TestHttp.Response> rush(List<Applicant> applicants, UUID offering) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Applicant applicant : applicants) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return api.enrol(applicant.token(), offering);
                }));
            }
            start.countDown();
            List<TestHttp.Response> responses = new ArrayList<>();
            for (Future<TestHttp.Response> response : sent) {
                responses.add(response.get());
            }
            return responses;
        }
    }

    private List<Row> rows(UUID offering) {
        return new JdbcTemplate(database.ownerDataSource())
                .query(
                        """
                        select id, person_id, tenant_id, arrival, state, seat_source from enrolment
                        where offering_id = ? order by arrival""",
                        (row, number) -> new Row(
                                row.getObject("id", UUID.class),
                                row.getObject("person_id", UUID.class),
                                row.getString("tenant_id"),
                                row.getLong("arrival"),
                                row.getString("state"),
                                row.getString("seat_source")),
                        offering);
    }

    private String stateOf(UUID offering, UUID id) {
        return rows(offering).stream()
                .filter(row -> row.id().equals(id))
                .map(row -> row.state() + "/" + row.seat())
                .findFirst()
                .orElseThrow();
    }

    private static String tokenOf(List<Applicant> applicants, Row row) {
        return applicants.stream()
                .filter(applicant -> applicant.person().equals(row.person()))
                .findFirst()
                .orElseThrow()
                .token();
    }

    private static Map<UUID, Optional<SeatSource>> seatsOf(List<Row> rows) {
        Map<UUID, Optional<SeatSource>> seats = new HashMap<>();
        rows.forEach(row -> seats.put(row.id(), Optional.ofNullable(row.seat()).map(SeatSource::valueOf)));
        return seats;
    }

    /** The seats one clerk would hand out taking the requests one by one in their order of arrival. */
    private static Map<UUID, Optional<SeatSource>> seatsByOneClerkInArrivalOrder(List<Row> rows, OfferingSpec spec) {
        Map<TenantId, Integer> quotas = new HashMap<>();
        spec.quotas.forEach((tenant, seats) -> quotas.put(TenantId.of(tenant), seats));
        Offering offering = new Offering(
                spec.id,
                spec.courseId,
                TenantId.of("akademi-norr"),
                spec.programmeId,
                spec.opens,
                spec.closes,
                spec.starts,
                spec.ends,
                spec.capacity,
                quotas,
                spec.capacity - MEMBERS.size() * QUOTA,
                spec.quotaReleaseAt,
                MEMBERS.stream().map(TenantId::of).toList(),
                false,
                true,
                false,
                1);
        SeatLedger clerk = SeatLedger.of(offering, Map.of(), 0);
        Map<UUID, Optional<SeatSource>> seats = new HashMap<>();
        rows.stream()
                .sorted(Comparator.comparingLong(Row::arrival))
                .forEach(row -> seats.put(row.id(), clerk.take(TenantId.of(row.organisation()), Instant.now())));
        return seats;
    }
}
