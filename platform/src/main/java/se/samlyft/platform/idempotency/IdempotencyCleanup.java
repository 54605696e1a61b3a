package se.samlyft.platform.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired idempotency keys every {@code samlyft.idempotency.cleanup-interval}, first a few minutes after
 * start. Each replica of a service does so; the deletes are harmless to repeat. A failure is logged and the next run
 * tries again; until then expired keys only take space, since an expired key is never replayed.
 */
public class IdempotencyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(5);

    private final IdempotencyStore store;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    public IdempotencyCleanup(IdempotencyStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .daemon()
                    .name("samlyft-idempotency-cleanup")
                    .factory());
            long first = Math.min(interval.toMillis(), FIRST_RUN_AT_MOST.toMillis());
            started.scheduleWithFixedDelay(this::purge, first, interval.toMillis(), TimeUnit.MILLISECONDS);
            scheduler = started;
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void purge() {
        try {
            int purged = store.purgeExpired();
            log.debug("Deleted {} expired idempotency keys", purged);
        } catch (RuntimeException failure) {
            log.warn("Could not delete expired idempotency keys; trying again in {}", interval, failure);
        }
    }
}
