package se.samlyft.integration.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.integration.feed.EventsAppended;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Sends due deliveries, with threads of its own: a dispatcher thread claims due deliveries from the database (as many
 * as this replica has free slots for) and hands each to a virtual thread that signs and sends it; a recorder thread
 * writes the outcomes back in batches, one transaction per tenant, and frees the slots. Replicas coordinate through
 * PostgreSQL only: a claim leases its deliveries ({@code FOR UPDATE SKIP LOCKED}), and an outcome is recorded only
 * under the lease it was claimed with. The dispatcher looks for work when told that events were appended or
 * outcomes recorded, and at least every poll interval.
 */
public final class DeliveryWorker implements EventsAppended {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int LARGEST_RECORD_BATCH = 500;

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration lease;
    private final Semaphore slots;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private volatile boolean sendersDone;
    private @Nullable Thread dispatcher;
    private @Nullable Thread recorder;
    private @Nullable ExecutorService senders;

    public DeliveryWorker(
            Deliveries deliveries,
            WebhookSender sender,
            RetrySchedule schedule,
            Clock clock,
            int maxInFlight,
            int batchSize,
            Duration pollInterval,
            Duration lease) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.slots = new Semaphore(maxInFlight);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sendersDone = false;
        senders = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("webhook-", 0).factory());
        recorder = Thread.ofPlatform().name("webhook-recorder").daemon().start(this::recordLoop);
        dispatcher = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::dispatchLoop);
    }

    /**
     * Stops claiming, lets the webhooks in flight finish (up to their timeouts) and records their outcomes, unless the
     * database does not answer within seconds: an outcome not recorded is attempted again once its lease has ended.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        join(dispatcher, Duration.ofSeconds(5));
        if (senders != null) {
            senders.close();
        }
        sendersDone = true;
        join(recorder, Duration.ofSeconds(10));
        if (recorder != null && recorder.isAlive()) {
            recorder.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void appended() {
        wake();
    }

    /** Makes the dispatcher look for due deliveries now. */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void dispatchLoop() {
        while (running) {
            int claimed = 0;
            int free = slots.availablePermits();
            if (free > 0) {
                try {
                    claimed = claimAndSend(Math.min(free, batchSize));
                } catch (RuntimeException e) {
                    log.warn("Could not claim due deliveries; trying again in {}", pollInterval, e);
                }
            }
            if (claimed == 0 || slots.availablePermits() == 0) {
                await(pollInterval);
            }
        }
    }

    private int claimAndSend(int limit) {
        UUID leaseId = UUID.randomUUID();
        List<Deliveries.Claim> claims = deliveries.claim(limit, lease, leaseId);
        Map<TenantId, List<UUID>> byTenant = claims.stream()
                .collect(Collectors.groupingBy(
                        Deliveries.Claim::tenant,
                        LinkedHashMap::new,
                        Collectors.mapping(Deliveries.Claim::id, Collectors.toList())));
        Instant now = clock.instant();
        byTenant.forEach((tenant, ids) -> {
            for (DueDelivery due : deliveries.load(tenant, ids, leaseId, now)) {
                slots.acquireUninterruptibly();
                senders().execute(() -> attempt(due));
            }
        });
        return claims.size();
    }

    private void attempt(DueDelivery due) {
        Instant started = clock.instant();
        WebhookSender.Answer answer;
        try {
            long timestamp = started.getEpochSecond();
            String signature = WebhookSignature.of(due.eventId(), timestamp, due.body(), due.secrets());
            answer = sender.send(
                    new WebhookSender.Request(due.target(), due.eventId(), timestamp, signature, due.body()));
        } catch (RuntimeException e) {
            answer = new WebhookSender.Answer(
                    null,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Duration.between(started, clock.instant()),
                    Optional.empty());
        }
        outcomes.add(outcomeOf(due, started, answer));
    }

    Outcome outcomeOf(DueDelivery due, Instant started, WebhookSender.Answer answer) {
        if (answer.delivered()) {
            return new Outcome(due, started, answer, null, null);
        }
        Instant now = clock.instant();
        if (answer.gone()) {
            return new Outcome(
                    due,
                    started,
                    answer,
                    now,
                    "The receiver answered 410 Gone: it wants no more webhooks. Resume the subscription once it does.");
        }
        Optional<Instant> next = schedule.next(due.retryFrom(), now, due.attempts() + 1, answer.retryAfter());
        if (next.isPresent()) {
            return new Outcome(due, started, answer, next.get(), null);
        }
        return new Outcome(
                due,
                started,
                answer,
                null,
                "Delivery of event " + due.eventId() + " failed on every attempt for "
                        + schedule.period().toHours()
                        + " hours since " + due.retryFrom() + " (last: " + answer.describe()
                        + "). Fix the receiver, then resume the subscription: its waiting and failed deliveries go"
                        + " again.");
    }

    private void recordLoop() {
        while (!(sendersDone && outcomes.isEmpty())) {
            Outcome first;
            try {
                first = outcomes.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Outcome> batch = new ArrayList<>(List.of(first));
            outcomes.drainTo(batch, LARGEST_RECORD_BATCH - 1);
            record(batch);
            slots.release(batch.size());
            wake();
        }
    }

    private void record(List<Outcome> batch) {
        Map<TenantId, List<Outcome>> byTenant = batch.stream()
                .collect(Collectors.groupingBy(
                        outcome -> outcome.delivery().tenant(), LinkedHashMap::new, Collectors.toList()));
        byTenant.forEach((tenant, ofTenant) -> {
            try {
                deliveries.record(tenant, ofTenant);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not record {} delivery outcomes of {}; they are attempted again once their lease ends",
                        ofTenant.size(),
                        tenant,
                        e);
            }
        });
    }

    private ExecutorService senders() {
        ExecutorService executor = senders;
        if (executor == null) {
            throw new IllegalStateException("The delivery worker is not started");
        }
        return executor;
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!signalled && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            signalled = false;
        }
    }

    private static void join(@Nullable Thread thread, Duration patience) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(patience);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
