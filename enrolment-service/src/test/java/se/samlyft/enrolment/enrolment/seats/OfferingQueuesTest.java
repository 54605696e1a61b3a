package se.samlyft.enrolment.enrolment.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.platform.problem.Busy;
import se.samlyft.platform.problem.Conflict;

/** The seat engine's queues without a database: batching, refusals, limits and eviction of idle queues. */
class OfferingQueuesTest {

    private static final UUID MALA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SORSELE = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    /** A lock that runs the work at no desk and counts its transactions. */
    private static final class CountingLock implements OfferingLock {
        final AtomicInteger transactions = new AtomicInteger();

        @Override
        public <T> T underLock(UUID offeringId, Function<SeatDesk, T> work) {
            transactions.incrementAndGet();
            return work.apply(null);
        }
    }

    @Test
    void everyPieceIsAnsweredAndAnEmptiedQueueIsEvicted() throws Exception {
        CountingLock lock = new CountingLock();
        try (OfferingQueues queues = new OfferingQueues(limits(50, 500), lock, refused -> false);
                ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> answers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 200; i++) {
                int piece = i;
                answers.add(callers.submit(() -> queues.submit(piece % 2 == 0 ? MALA : SORSELE, desk -> piece)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (queues.queued() > 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(queues.queued()).as("queues left after the work").isZero();
            assertThat(lock.transactions.get()).isBetween(2, 200);
        }
    }

    @Test
    void aRefusalAnswersItsPieceAloneAndTheBatchGoesOn() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountingLock lock = new CountingLock();
        try (OfferingQueues queues = new OfferingQueues(limits(50, 500), lock, refused -> false);
                ExecutorService callers = Executors.newFixedThreadPool(4)) {
            Future<Integer> first = callers.submit(() -> queues.submit(MALA, desk -> {
                await(hold);
                return 1;
            }));
            Thread.sleep(100);
            Future<Integer> refused = callers.submit(() -> queues.submit(MALA, desk -> {
                throw new Conflict("Nej.");
            }));
            Future<Integer> third = callers.submit(() -> queues.submit(MALA, desk -> 3));
            Thread.sleep(100);
            hold.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Conflict.class);
            assertThat(lock.transactions.get())
                    .as("the second and third pieces share a transaction")
                    .isEqualTo(2);
        }
    }

    @Test
    void aFullQueueRefusesAsBusyAndDoesNothing() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try (OfferingQueues queues = new OfferingQueues(limits(1, 1), new CountingLock(), refused -> false);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<Integer> serving = callers.submit(() -> queues.submit(MALA, desk -> {
                await(hold);
                return done.incrementAndGet();
            }));
            Thread.sleep(100);
            Future<Integer> waiting = callers.submit(() -> queues.submit(MALA, desk -> done.incrementAndGet()));
            Thread.sleep(100);

            assertThatThrownBy(() -> queues.submit(MALA, desk -> done.incrementAndGet()))
                    .isInstanceOf(Busy.class);
            hold.countDown();
            serving.get(5, TimeUnit.SECONDS);
            waiting.get(5, TimeUnit.SECONDS);
            assertThat(done.get()).isEqualTo(2);
        }
    }

    private static OfferingQueues.Limits limits(int batch, int queue) {
        return new OfferingQueues.Limits(batch, 2, 10, queue, Duration.ofSeconds(5));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
