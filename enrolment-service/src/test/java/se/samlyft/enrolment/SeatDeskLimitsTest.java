package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.platform.problem.Busy;

/**
 * The seat desk takes on only so much: an offering's queue has a limit, and work that waits too long for its turn is
 * withdrawn before it runs; both are refused as busy (503) instead of holding the caller without end.
 */
@TestPropertySource(properties = {"samlyft.enrolment.seat-desk.queue=2", "samlyft.enrolment.seat-desk.wait=2s"})
class SeatDeskLimitsTest extends AgainstEnrolment {

    @Autowired
    private Seats seats;

    @Test
    void refusesWorkBeyondTheQueueAndWithdrawsWorkThatWaitedTooLongBeforeItRuns() throws Exception {
        UUID offering = upstream.schedule(new OfferingSpec(upstream.course("CLASSROOM", 2)));
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> holding = callers.submit(() -> seats.atOffering(offering, desk -> {
                taken.countDown();
                awaitQuietly(release);
                return ran.incrementAndGet();
            }));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = callers.submit(() -> seats.atOffering(offering, desk -> ran.incrementAndGet()));
            Future<Integer> third = callers.submit(() -> seats.atOffering(offering, desk -> ran.incrementAndGet()));
            Thread.sleep(300);

            assertThatThrownBy(() -> seats.atOffering(offering, desk -> ran.incrementAndGet()))
                    .as("the queue holds two")
                    .isInstanceOf(Busy.class)
                    .hasMessageContaining("more requests waiting");
            assertThatThrownBy(second::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(Busy.class)
                    .hasMessageContaining("did not come up within 2 s");
            assertThatThrownBy(third::get).cause().isInstanceOf(Busy.class);

            release.countDown();
            assertThat(holding.get()).isEqualTo(1);
        }
        assertThat(ran.get()).as("withdrawn work never ran").isEqualTo(1);
        String answer = seats.atOffering(offering, desk -> "fri");
        assertThat(answer).as("the desk takes work again").isEqualTo("fri");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
