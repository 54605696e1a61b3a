package se.samlyft.platform.outbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CloudEvents ids of appended events: version 7 UUIDs (RFC 9562), the milliseconds since the epoch followed by 74
 * random bits from {@link ThreadLocalRandom}.
 *
 * <p>An id must be unique per source, not secret: consumers apply an id once, and nothing authorises by it. Two ids
 * can only collide when they are made in the same millisecond and draw the same 74 bits, so even a million events in
 * one millisecond collide with a probability of about 3 × 10⁻¹¹. {@link UUID#randomUUID()} draws its bits from a
 * shared {@code SecureRandom}, which costs more than the rest of the id and serialises threads; the time prefix also
 * keeps ids of one service roughly in the order they were made.
 */
final class EventIds {

    private EventIds() {}

    static UUID next() {
        return of(System.currentTimeMillis(), ThreadLocalRandom.current());
    }

    static UUID of(long epochMillis, ThreadLocalRandom random) {
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
