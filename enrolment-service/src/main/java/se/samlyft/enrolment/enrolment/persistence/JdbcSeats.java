package se.samlyft.enrolment.enrolment.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.enrolment.enrolment.SeatLedger;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.seats.OfferingLock;
import se.samlyft.enrolment.enrolment.seats.OfferingQueues;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The seats of each offering in PostgreSQL: the thin {@link OfferingLock} (one transaction that first locks the
 * offering's row, {@code select ... for update}, and counts the seats taken from the enrolments under that lock, so
 * the count can never drift from the enrolments), fed by this process's {@link OfferingQueues}, which batch an
 * offering's waiting work into such transactions. The transaction runs in the tenant scope of the offering's owner,
 * audience and enrolled organisations ({@code enrolment_offering_scope}), since a seat freed by one organisation's
 * withdrawal may go to a person of another.
 */
@Repository
class JdbcSeats implements Seats, OfferingLock, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcSeats.class);

    private final OfferingQueues queues;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final TransactionTemplate reading;
    private final Enrolments enrolments;
    private final People people;
    private final Offerings offerings;

    @SuppressWarnings("this-escape")
    JdbcSeats(
            JdbcClient jdbc,
            JdbcTemplate template,
            PlatformTransactionManager transactions,
            Enrolments enrolments,
            People people,
            Offerings offerings,
            @Value("${samlyft.enrolment.seat-batch:50}") int batchSize,
            @Value("${samlyft.enrolment.seat-desk.clerks:8}") int clerkCount,
            @Value("${samlyft.enrolment.seat-desk.offerings-waiting:1000}") int offeringsWaiting,
            @Value("${samlyft.enrolment.seat-desk.queue:500}") int queueLimit,
            @Value("${samlyft.enrolment.seat-desk.wait:10s}") Duration wait) {
        this.queues = new OfferingQueues(
                new OfferingQueues.Limits(batchSize, clerkCount, offeringsWaiting, queueLimit, wait),
                this,
                refused ->
                        refused instanceof JdbcEnrolments.DuplicateEnrolment || refused instanceof PreconditionFailed);
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.enrolments = enrolments;
        this.people = people;
    }

    /** The work waits its turn in the offering's queue, which runs it (batched with others) under {@link #underLock}. */
    @Override
    public <T> T atOffering(UUID offeringId, Function<SeatDesk, T> work) {
        return queues.submit(offeringId, work);
    }

    /** One transaction in the offering's scope that locks its row and counts its seats: see {@link #desk}. */
    @Override
    public <T> T underLock(UUID offeringId, Function<SeatDesk, T> work) {
        TenantScope scope = scopeOf(offeringId);
        return TenantContext.callAs(
                scope,
                () -> transaction.execute(status -> {
                    withoutBitmapScans();
                    return work.apply(desk(offeringId));
                }));
    }

    @Override
    public void destroy() {
        queues.close();
    }

    @Override
    public <T> T readingEveryOrganisationOf(UUID offeringId, Supplier<T> read) {
        TenantScope scope = scopeOf(offeringId);
        return TenantContext.callAs(scope, () -> reading.execute(status -> read.get()));
    }

    /**
     * The seat work reads an offering's enrolments through {@code enrolment_offering_idx} (its waiting list, its live
     * enrolments, the holds that ran out). Row-level security adds {@code tenant_id = any (scope)}, and the planner,
     * which cannot see how many tenants the scope names (a federation's offering: fifty), expects it to keep a few rows
     * in a hundred; it then ands a bitmap of the offering's enrolments with one of the whole scope's from
     * {@code enrolment_tenant_idx}, which reads every enrolment of every member (18,000 in the national benchmark's
     * dataset) to find the few hundred of one offering. Without bitmap scans for the rest of the transaction it reads
     * the offering's enrolments alone. A connection keeps the plans it made here for later transactions (PostgreSQL
     * does not plan a cached statement again when a planner setting changes); only seat work runs these statements.
     */
    private void withoutBitmapScans() {
        jdbc.sql("select set_config('enable_bitmapscan', 'off', true)").query().singleRow();
    }

    @Override
    public int sweep(Instant at) {
        List<UUID> due = template.queryForList("select enrolment_offerings_due(?)", UUID.class, Timestamp.from(at));
        int swept = 0;
        for (UUID offeringId : due) {
            try {
                int changed = atOffering(offeringId, desk -> {
                    int done = desk.sweep(at);
                    if (desk.offering().quotasReleasedAt(at)) {
                        jdbc.sql("update offering set quota_release_handled_at = ? where id = ?")
                                .params(Timestamp.from(at), offeringId)
                                .update();
                    }
                    return done;
                });
                log.info("Swept the seats of offering {} at {}: {} enrolments changed", offeringId, at, changed);
                swept++;
            } catch (RuntimeException failed) {
                log.warn("Could not sweep the seats of offering {}; the next sweep tries again", offeringId, failed);
            }
        }
        return swept;
    }

    private SeatDesk desk(UUID offeringId) {
        Offering offering = offerings.lock(offeringId).orElseThrow(() -> NotFound.of("offering", offeringId));
        Map<TenantId, Integer> fromQuota = new HashMap<>();
        int[] fromPool = {0};
        // Every organisation's seats, with the owner's rights: see V4__seat_counts_of_every_organisation.sql.
        jdbc.sql("select tenant_id, seat_source, seats from enrolment_seats_taken(?)")
                .param(offeringId)
                .query(row -> {
                    if ("QUOTA".equals(row.getString("seat_source"))) {
                        fromQuota.put(TenantId.of(row.getString("tenant_id")), row.getInt("seats"));
                    } else {
                        fromPool[0] += row.getInt("seats");
                    }
                });
        return new SeatDesk(SeatLedger.of(offering, fromQuota, fromPool[0]), enrolments, people);
    }

    private TenantScope scopeOf(UUID offeringId) {
        @Nullable
        String[] tenants = template.queryForObject(
                "select enrolment_offering_scope(?)",
                (row, number) -> {
                    Array array = row.getArray(1);
                    return array == null ? null : (String[]) array.getArray();
                },
                offeringId);
        if (tenants == null) {
            throw NotFound.of("offering", offeringId);
        }
        return new TenantScope(Arrays.stream(tenants).map(TenantId::of).collect(Collectors.toSet()));
    }
}
