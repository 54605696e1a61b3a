package se.samlyft.enrolment.enrolment.seats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.platform.problem.Busy;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.ProblemException;

/**
 * The seat engine of this process: one queue of waiting work per offering, served by a bounded pool of clerk threads
 * that each commit a batch of an offering's work in one transaction. It only batches and orders; what keeps the seats
 * exact is the {@link OfferingLock} every batch runs under (the offering's row, locked in the database), so several
 * processes may each run their own queues.
 *
 * <p>Work waits in its offering's queue; while the queue has work, one clerk serves it: it takes up to
 * {@link Limits#batch} pieces at a time, oldest first, into one transaction (one lock, one count, one commit), and
 * answers each piece once that transaction has committed. A refusal by the domain (a {@link ProblemException} or
 * {@link InvalidInput}, thrown before anything is written) answers its piece alone; any other failure rolls the batch
 * back and each piece is then done again in a transaction of its own. So the outcome is that of doing the pieces one by
 * one in queue order. Everything is bounded: {@link Limits#clerks} threads, {@link Limits#offeringsWaiting} queues
 * waiting for a clerk, {@link Limits#queue} pieces per offering and {@link Limits#patience} for a piece to be taken up;
 * each limit answers {@link Busy} (nothing done). A queue that runs empty is evicted, so idle offerings cost nothing.
 */
public final class OfferingQueues implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfferingQueues.class);

    /**
     * The bounds of the engine.
     *
     * @param batch the most pieces of one offering's work done in one transaction
     * @param clerks the most offerings served at once, each holding a database connection
     * @param offeringsWaiting the most offerings whose queues wait for a clerk
     * @param queue the most pieces that wait for one offering
     * @param patience how long a piece may wait to be taken up before it is withdrawn
     */
    public record Limits(int batch, int clerks, int offeringsWaiting, int queue, Duration patience) {

        public Limits {
            if (batch < 1 || clerks < 1 || offeringsWaiting < 1 || queue < 1 || !patience.isPositive()) {
                throw new IllegalArgumentException("samlyft.enrolment.seat-batch and seat-desk.clerks,"
                        + " .offerings-waiting and .queue are at least 1, and seat-desk.wait is positive");
            }
        }
    }

    private final Limits limits;
    private final OfferingLock lock;
    private final Predicate<RuntimeException> spoilsTheBatch;
    private final ConcurrentHashMap<UUID, Queue> queues = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor clerks;

    /**
     * @param lock runs a piece of work in one transaction under the offering's lock, at its desk
     * @param spoilsTheBatch whether a refusal came after the piece wrote something (a stale version, a duplicate the
     *     database found), so that the batch must be rolled back rather than the piece answered alone
     */
    public OfferingQueues(Limits limits, OfferingLock lock, Predicate<RuntimeException> spoilsTheBatch) {
        this.limits = limits;
        this.lock = lock;
        this.spoilsTheBatch = spoilsTheBatch;
        this.clerks = new ThreadPoolExecutor(
                limits.clerks(),
                limits.clerks(),
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(limits.offeringsWaiting()),
                Thread.ofPlatform().name("seat-clerk-", 0).daemon(true).factory());
        this.clerks.allowCoreThreadTimeOut(true);
    }

    /** Does {@code work} at the offering's desk, in its turn, and answers what it returned or threw. */
    @SuppressWarnings("unchecked")
    public <T> T submit(UUID offeringId, Function<SeatDesk, T> work) {
        Pending pending = new Pending((Function<SeatDesk, Object>) work);
        Queue queue = queues.compute(offeringId, (id, current) -> {
            Queue joined = current == null ? new Queue() : current;
            if (joined.size.incrementAndGet() > limits.queue()) {
                joined.size.decrementAndGet();
                throw new Busy(
                        "The offering's seats have more requests waiting than they take on; try again in a moment.");
            }
            joined.waiting.add(pending);
            return joined;
        });
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

    /** How many offerings have a queue now: those with work waiting or being served. */
    public int queued() {
        return queues.size();
    }

    @Override
    public void close() {
        clerks.shutdown();
    }

    /**
     * The piece's answer once a clerk has done it. A piece still waiting after {@link Limits#patience} is withdrawn, so it
     * is never done, and refused as busy; one that a clerk has taken up is waited for, as its transaction ends within
     * the statement timeouts.
     */
    private @Nullable Object answerOf(Queue queue, Pending pending) {
        try {
            return pending.answer.get(limits.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            if (queue.waiting.remove(pending)) {
                queue.size.decrementAndGet();
                throw new Busy("The offering's seats did not come up within "
                        + limits.patience().toSeconds() + " s; nothing was done, try again in a moment.");
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

    /**
     * Serves the queue until it is empty; a piece added meanwhile is served too, never left without a clerk. An empty
     * queue is then evicted, unless a piece joined it in the meantime.
     */
    private void serveAll(UUID offeringId, Queue queue) {
        do {
            try {
                while (!queue.waiting.isEmpty()) {
                    serveBatch(offeringId, queue);
                }
            } finally {
                queue.serving.set(false);
            }
        } while (!queue.waiting.isEmpty() && queue.serving.compareAndSet(false, true));
        queues.computeIfPresent(offeringId, (id, current) -> current == queue && queue.isIdle() ? null : current);
    }

    private void serveBatch(UUID offeringId, Queue queue) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.waiting.poll();
                next != null;
                next = batch.size() < limits.batch() ? queue.waiting.poll() : null) {
            queue.size.decrementAndGet();
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Object> answers = lock.underLock(offeringId, desk -> {
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
                    answer(pending, lock.underLock(offeringId, desk -> attempt(pending, desk)));
                } catch (RuntimeException failed) {
                    pending.answer.completeExceptionally(failed);
                }
            }
        }
    }

    /**
     * The piece's answer, or the domain's refusal of it. The domain refuses before anything is written; a refusal
     * that spoils the batch, like any other failure, is thrown.
     */
    private Object attempt(Pending pending, SeatDesk desk) {
        try {
            return new Answer(pending.work.apply(desk));
        } catch (ProblemException | InvalidInput refused) {
            if (spoilsTheBatch.test(refused)) {
                throw refused;
            }
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

    /** The pieces of work waiting for one offering's seats, and whether a clerk serves them now. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean serving = new AtomicBoolean();

        boolean isIdle() {
            return waiting.isEmpty() && !serving.get();
        }
    }

    private record Pending(Function<SeatDesk, Object> work, CompletableFuture<@Nullable Object> answer) {
        Pending(Function<SeatDesk, Object> work) {
            this(work, new CompletableFuture<>());
        }
    }

    private record Answer(@Nullable Object value) {}

    private record Refusal(RuntimeException reason) {}
}
