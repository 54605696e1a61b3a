package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.testsupport.TestDatabase;

/**
 * Seat work on one offering shares transactions in batches; a piece that fails after writing must leave nothing
 * behind, and must not take the others down with it. The transactions are planned without bitmap scans, and list the
 * organisations they enrolled on the offering once, as they commit.
 */
class SeatBatchTest extends AgainstEnrolment {

    @Autowired
    private Seats seats;

    @Autowired
    private TestDatabase database;

    @Autowired
    private JdbcTemplate app;

    @Test
    void aPieceThatFailsAfterWritingLeavesNothingAndTheOthersStillGetTheirSeats() throws Exception {
        OfferingSpec spec = new OfferingSpec(upstream.course("CLASSROOM", 2));
        spec.capacity = 100;
        UUID offering = upstream.schedule(spec);
        Person spoiler = person();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Enrolment>> good = new ArrayList<>();
        Future<Enrolment> bad;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                Person person = person();
                good.add(threads.submit(() -> {
                    start.await();
                    return seats.atOffering(
                            offering, desk -> desk.request(UUID.randomUUID(), person, RequestedBy.SELF, Instant.now()));
                }));
            }
            bad = threads.submit(() -> {
                start.await();
                return seats.atOffering(offering, desk -> {
                    desk.request(UUID.randomUUID(), spoiler, RequestedBy.SELF, Instant.now());
                    throw new IllegalStateException("failed after writing");
                });
            });
            start.countDown();

            for (Future<Enrolment> enrolment : good) {
                assertThat(enrolment.get().seat()).isNotNull();
            }
            Future<Enrolment> failed = bad;
            assertThatThrownBy(failed::get).hasRootCauseMessage("failed after writing");
        }
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where offering_id = ?", Integer.class, offering))
                .isEqualTo(30);
        assertThat(owner.queryForObject(
                        "select count(*) from enrolment where person_id = ?", Integer.class, spoiler.id()))
                .isZero();
    }

    @Test
    void seatWorkIsPlannedWithoutBitmapScans() {
        UUID offering = upstream.schedule(new OfferingSpec(upstream.course("CLASSROOM", 2)));

        String inSeatWork =
                seats.atOffering(offering, desk -> app.queryForObject("show enable_bitmapscan", String.class));

        assertThat(inSeatWork).isEqualTo("off");
    }

    @Test
    void theOrganisationsOfATransactionAreListedOnTheOfferingOnceEachAsItCommits() {
        OfferingSpec spec = new OfferingSpec(upstream.course("CLASSROOM", 2));
        spec.capacity = 100;
        UUID offering = upstream.schedule(spec);

        // Read in the seat transaction itself, which sees its own writes.
        List<String> listedBeforeCommit = seats.atOffering(offering, desk -> {
            for (String tenant : List.of("sorsele", "mala", "sorsele", "mala", "sorsele")) {
                desk.request(UUID.randomUUID(), person(tenant), RequestedBy.SELF, Instant.now());
            }
            return app.queryForList(
                    "select t from offering, unnest(enrolled_tenants) as t where id = ?", String.class, offering);
        });
        List<String> afterOne = listed(offering);
        assertThatThrownBy(() -> seats.atOffering(offering, desk -> {
                    desk.request(UUID.randomUUID(), person("arvidsjaur"), RequestedBy.SELF, Instant.now());
                    throw new IllegalStateException("failed after writing");
                }))
                .hasMessage("failed after writing");
        List<String> afterTheFailure = listed(offering);
        seats.atOffering(offering, desk -> {
            desk.request(UUID.randomUUID(), person("mala"), RequestedBy.SELF, Instant.now());
            return desk.request(UUID.randomUUID(), person("arvidsjaur"), RequestedBy.SELF, Instant.now());
        });

        assertThat(listedBeforeCommit).isEmpty();
        assertThat(afterOne).containsExactly("mala", "sorsele");
        assertThat(afterTheFailure).containsExactly("mala", "sorsele");
        assertThat(listed(offering)).containsExactly("arvidsjaur", "mala", "sorsele");
    }

    /** The organisations the offering lists, as committed. */
    private List<String> listed(UUID offering) {
        return new JdbcTemplate(database.ownerDataSource())
                .queryForList(
                        "select t from offering, unnest(enrolled_tenants) as t where id = ? order by t",
                        String.class,
                        offering);
    }

    private static Person person() {
        return person("sorsele");
    }

    private static Person person(String tenant) {
        return new Person(UUID.randomUUID(), TenantId.of(tenant), "hemtjanst-centrum", null, PersonStatus.ACTIVE, 1);
    }
}
