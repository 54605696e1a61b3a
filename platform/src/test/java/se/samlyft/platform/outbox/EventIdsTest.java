package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anIdIsAVersion7UuidThatBeginsWithItsMillisecond() {
        long millis = 1_795_392_000_000L;

        UUID id = EventIds.of(millis, ThreadLocalRandom.current());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.of(1_795_392_000_000L, ThreadLocalRandom.current()));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = EventIds.of(1_795_392_000_000L, ThreadLocalRandom.current());
        UUID later = EventIds.of(1_795_392_000_001L, ThreadLocalRandom.current());

        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                .isPositive();
    }
}
