package se.samlyft.platform.idempotency;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.platform.jdbc.PeriodicWork;

/**
 * Deletes expired idempotency keys every {@code samlyft.idempotency.cleanup-interval}, first a few minutes after
 * start. Each replica runs it; the purge function takes a transaction-scoped advisory lock first, so one replica at a
 * time deletes and the others find the lock taken and leave it. Until then expired keys only take space, since an
 * expired key is never replayed.
 */
public class IdempotencyCleanup extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    public IdempotencyCleanup(IdempotencyStore store, Duration interval) {
        super("samlyft-idempotency-cleanup", interval, () -> {
            int purged = store.purgeExpired();
            log.debug("Deleted {} expired idempotency keys", purged);
        });
    }
}
