package se.samlyft.enrolment.enrolment.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.platform.problem.Busy;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.problem.ProblemException;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The seats of each offering in PostgreSQL. Work on an offering's seats runs in one transaction that first locks the
 * offering's row ({@code select ... for update}), so the work of one offering is done one at a time, in the order the
 * lock is granted, while other offerings are not held up; in this process, pieces of work waiting for the same offering
 * share such a transaction (see {@link #atOffering}). The seats taken are counted from the enrolments under that
 * lock, so the count can never drift from the enrolments. The transaction runs in the tenant scope of the offering's
 * owner, audience and enrolled organisations ({@code enrolment_offering_scope}), since a seat freed by one
 * organisation's withdrawal may go to a person of another.
 */
@Repository
class JdbcSeats implements Seats, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcSeats.class);

    /** The most pieces of work on one offering done in one transaction, {@code samlyft.enrolment.seat-batch}. */
    private final int batchSize;

    private final ConcurrentHashMap<UUID, Queue> queues = new ConcurrentHashMap<>();

    /**
     * The clerks: one thread serves an offering's queue while it has work. At most {@code samlyft.enrolment.seat-desk
     * .clerks} (8) serve at once, each holding a database connection; further offerings' queues wait for a clerk, up
     * to {@code seat-desk.offerings-waiting} (1,000) of them, and beyond that the work is refused as {@link Busy}.
     */
    private final ThreadPoolExecutor clerks;

    /** The most pieces of work that wait for one offering, {@code seat-desk.queue}; more are refused as busy. */
    private final int queueLimit;

    /** How long a caller waits for its piece to be taken up before it is withdrawn, {@code seat-desk.wait}. */
    private final Duration wait;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final TransactionTemplate reading;
    private final Enrolments enrolments;
    private final People people;
    private final Offerings offerings;

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
        if (batchSize < 1 || clerkCount < 1 || offeringsWaiting < 1 || queueLimit < 1 || !wait.isPositive()) {
            throw new IllegalArgumentException("samlyft.enrolment.seat-batch and seat-desk.clerks, .offerings-waiting"
                    + " and .queue are at least 1, and seat-desk.wait is positive");
        }
        this.batchSize = batchSize;
        this.queueLimit = queueLimit;
        this.wait = wait;
        this.clerks = new ThreadPoolExecutor(
                clerkCount,
                clerkCount,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(offeringsWaiting),
                Thread.ofPlatform().name("seat-clerk-", 0).daemon(true).factory());
        this.clerks.allowCoreThreadTimeOut(true);
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.enrolments = enrolments;
        this.people = people;
    }

    /**
     * Work waits in its offering's queue (in this process; other replicas wait for the row lock as before), and one
     * clerk thread per offering serves the queue while it has work: it takes up to {@code samlyft.enrolment.seat-batch}
     * (50) pieces at a time, oldest first, into one transaction (one lock, one count, one commit for all), and hands
     * each its answer once that transaction has committed. A refusal by the domain (a {@link ProblemException} or
     * {@link InvalidInput}, thrown before anything is written) answers that piece alone; any other failure rolls the
     * batch back and each piece is then done again in a transaction of its own. So the outcome is that of doing the
     * pieces one by one in queue order, with fewer round trips under a rush; the caller waits for its answer without
     * polling.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T atOffering(UUID offeringId, Function<SeatDesk, T> work) {
        Queue queue = queues.computeIfAbsent(offeringId, id -> new Queue());
        Pending pending = new Pending((Function<SeatDesk, Object>) work);
        if (queue.size.incrementAndGet() > queueLimit) {
            queue.size.decrementAndGet();
            throw new Busy("The offering's seats have more requests waiting than they take on; try again in a moment.");
        }
        queue.waiting.add(pending);
        if (queue.serving.compareAndSet(false, true)) {
            try {
                clerks.execute(() -> serveAll(offeringId, queue));
            } catch (RejectedExecutionException noClerk) {
                queue.serving.set(false);
                refuseWaiting(queue);
            }
        }
        try {
            return (T) answerOf(queue, pending);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /**
     * The piece's answer once a clerk has done it. A piece still waiting after {@link #wait} is withdrawn, so it is
     * never done, and refused as busy; one that a clerk has taken up is waited for, as its transaction ends within the
     * statement timeouts.
     */
    private @Nullable Object answerOf(Queue queue, Pending pending) {
        try {
            return pending.answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            if (queue.waiting.remove(pending)) {
                queue.size.decrementAndGet();
                throw new Busy("The offering's seats did not come up within " + wait.toSeconds()
                        + " s; nothing was done, try again in a moment.");
            }
            return pending.answer.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting for the offering's seats; try again.");
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        }
    }

    /** No clerk could take the queue on: every piece in it is refused as busy, none left stranded. */
    private static void refuseWaiting(Queue queue) {
        for (Pending next = queue.waiting.poll(); next != null; next = queue.waiting.poll()) {
            queue.size.decrementAndGet();
            next.answer.completeExceptionally(new Busy("Every seat clerk is busy; try again in a moment."));
        }
    }

    /** Serves the queue until it is empty; a piece added meanwhile is served too, never left without a clerk. */
    private void serveAll(UUID offeringId, Queue queue) {
        do {
            try {
                while (!queue.waiting.isEmpty()) {
                    serve(offeringId, queue);
                }
            } finally {
                queue.serving.set(false);
            }
        } while (!queue.waiting.isEmpty() && queue.serving.compareAndSet(false, true));
    }

    @Override
    public void destroy() {
        clerks.shutdown();
    }

    private void serve(UUID offeringId, Queue queue) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.waiting.poll();
                next != null;
                next = batch.size() < batchSize ? queue.waiting.poll() : null) {
            queue.size.decrementAndGet();
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Object> answers = inTransaction(offeringId, desk -> {
                List<Object> outcomes = new ArrayList<>();
                for (Pending pending : batch) {
                    outcomes.add(attempt(pending, desk));
                }
                return outcomes;
            });
            for (int i = 0; i < batch.size(); i++) {
                answer(batch.get(i), answers.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().answer.completeExceptionally(batchFailed);
                return;
            }
            log.warn(
                    "A batch of {} pieces of seat work on offering {} failed ({}); doing each on its own",
                    batch.size(),
                    offeringId,
                    batchFailed.toString());
            for (Pending pending : batch) {
                try {
                    answer(pending, inTransaction(offeringId, desk -> attempt(pending, desk)));
                } catch (RuntimeException failed) {
                    pending.answer.completeExceptionally(failed);
                }
            }
        }
    }

    /**
     * The piece's answer, or the domain's refusal of it. The domain refuses before anything is written; a stale
     * version or a duplicate found by the database can come after a piece wrote something, so those, like any other
     * failure, spoil the batch and are thrown.
     */
    private static Object attempt(Pending pending, SeatDesk desk) {
        try {
            return new Answer(pending.work.apply(desk));
        } catch (JdbcEnrolments.DuplicateEnrolment | PreconditionFailed spoilt) {
            throw spoilt;
        } catch (ProblemException | InvalidInput refused) {
            return new Refusal(refused);
        }
    }

    private static void answer(Pending pending, Object outcome) {
        switch (outcome) {
            case Answer answer -> pending.answer.complete(answer.value());
            case Refusal refusal -> pending.answer.completeExceptionally(refusal.reason());
            default -> throw new IllegalStateException("Unexpected outcome " + outcome);
        }
    }

    @Override
    public <T> T readingEveryOrganisationOf(UUID offeringId, Supplier<T> read) {
        TenantScope scope = scopeOf(offeringId);
        return TenantContext.callAs(scope, () -> reading.execute(status -> read.get()));
    }

    private <T> T inTransaction(UUID offeringId, Function<SeatDesk, T> work) {
        TenantScope scope = scopeOf(offeringId);
        return TenantContext.callAs(
                scope,
                () -> transaction.execute(status -> {
                    withoutBitmapScans();
                    return work.apply(desk(offeringId));
                }));
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

    /** The pieces of work waiting for one offering's seats, and who serves them now. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean serving = new AtomicBoolean();
    }

    private record Pending(Function<SeatDesk, Object> work, CompletableFuture<@Nullable Object> answer) {
        Pending(Function<SeatDesk, Object> work) {
            this(work, new CompletableFuture<>());
        }
    }

    private record Answer(@Nullable Object value) {}

    private record Refusal(RuntimeException reason) {}

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
