package se.samlyft.platform.jdbc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Housekeeping that runs every {@code interval} on a daemon thread of its own while the application runs, first a
 * few minutes after the start (or after one interval, if that is shorter). A run that fails is logged, and the next
 * one tries again. Every replica runs it: the work itself must be safe to run on several at once, for example by
 * taking a transaction-scoped advisory lock that one replica at a time gets.
 */
public class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    private static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(5);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name and what the log calls the work
     * @param interval the time between the end of one run and the start of the next
     * @param work what to do
     */
    public PeriodicWork(String name, Duration interval, Runnable work) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The interval of " + name + " is positive, not " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    /** Does the work once, now, on the caller's thread; a failure is the caller's. */
    public void runOnce() {
        work.run();
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name(name).factory());
            long first = Math.min(interval.toMillis(), FIRST_RUN_AT_MOST.toMillis());
            started.scheduleWithFixedDelay(this::runLogged, first, interval.toMillis(), TimeUnit.MILLISECONDS);
            scheduler = started;
        }
    }

    private void runLogged() {
        try {
            work.run();
        } catch (RuntimeException failure) {
            log.warn("{} failed; trying again in {}", name, interval, failure);
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
}
