package se.samlyft.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), new Random(2026));

    @Test
    void waitsTwiceAsLongAfterEachFailureWithJitterUpToTheLongestWait() {
        for (int failures = 1; failures <= 20; failures++) {
            long ceiling = Math.min(5_000L << (failures - 1), 3_600_000L);
            Duration wait = schedule.delayAfter(failures);

            assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void retriesForAtLeastTheWholePeriodAndThenGivesUp() {
        Instant now = START;
        int failures = 0;
        Optional<Instant> next = Optional.of(START);
        while (next.isPresent()) {
            now = next.get();
            failures++;
            next = schedule.next(START, now, failures, Optional.empty());
        }

        assertThat(now).isAfterOrEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(now).isBefore(START.plus(Duration.ofHours(25)));
        assertThat(failures).isBetween(25, 60);
    }

    @Test
    void waitsAsLongAsTheReceiverAsksButNoLongerThanTheLongestWait() {
        assertThat(schedule.next(START, START, 1, Optional.of(Duration.ofMinutes(10))))
                .contains(START.plus(Duration.ofMinutes(10)));
        assertThat(schedule.next(START, START, 1, Optional.of(Duration.ofHours(5))))
                .contains(START.plus(Duration.ofHours(1)));
    }
}
