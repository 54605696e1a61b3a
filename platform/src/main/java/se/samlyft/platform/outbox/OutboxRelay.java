package se.samlyft.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Publishes the events in the outbox to Kafka, oldest first, and removes each one only after the broker has
 * acknowledged its record. Started as a {@link SmartLifecycle}, it publishes on one thread of its own, woken by
 * PostgreSQL's notification when a transaction that appended events commits ({@link OutboxNotifications}) and by a
 * slower poll, the safety net for a notification missed or a listening connection lost; a test may call
 * {@link #publishPending()} instead.
 *
 * <p>Guarantees, for events committed to the outbox: none is lost while Kafka or the process is down (it stays in the
 * table until acknowledged); one aggregate's events reach their topic in outbox order, which is their commit order;
 * an event may be delivered more than once (when the process dies between the broker's acknowledgement and the
 * commit of the removal), always with the same CloudEvents id. The relay of one replica at a time publishes: each
 * batch runs under a transaction-scoped advisory lock on the service's database. An event the broker refuses holds
 * back the later events of its aggregate, and only those, until it goes out; the lag meter shows the wait.
 */
public class OutboxRelay implements SmartLifecycle, AutoCloseable {

    /** The first key of the advisory lock that lets one relay per database publish. */
    static final int RELAY_LOCK_SPACE = 0x53_4C_4F_52;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String POSTGRESQL_DRIVER = "org.postgresql.PGConnection";
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final String SELECT_BATCH = """
            select position, topic, record_key, ce_id, ce_source, ce_type, ce_subject, ce_time, ce_dataschema,
                   ce_tenantid, data
            from samlyft.outbox_event order by position limit ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BatchPublisher publisher;
    private final OutboxProperties.Relay settings;
    private final Clock clock;
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicLong published = new AtomicLong();
    private volatile long pending;
    private volatile @Nullable Instant oldestPending;
    private volatile @Nullable ScheduledExecutorService scheduler;
    private final @Nullable OutboxNotifications notifications;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private int failedPollsInARow;
    private @Nullable Instant lastWarning;

    /**
     * @param dataSource the service's database, which holds the outbox table
     * @param transactions the service's transaction manager for that database
     * @param kafkaProperties the service's Kafka producer properties (bootstrap servers, security); the relay sets
     *     its own serialisers, idempotence, acknowledgements and timeouts over them
     * @param settings how to poll and publish
     * @param clock the clock that measures how long the oldest event has waited
     */
    public OutboxRelay(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            Map<String, Object> kafkaProperties,
            OutboxProperties.Relay settings,
            Clock clock) {
        this.notifications = settings.listen() && ClassUtils.isPresent(POSTGRESQL_DRIVER, null)
                ? new OutboxNotifications(OutboxNotifications.Connections.of(dataSource), this::wake)
                : null;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactions);
        this.publisher = new BatchPublisher(kafkaProperties, settings.sendTimeout());
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Publishes what waits in the outbox, batch by batch, until it is empty, a send fails, or another replica's relay
     * holds the publishing lock. Returns how many events the broker acknowledged and the outbox gave up.
     */
    public int publishPending() {
        polling.lock();
        try {
            return TenantContext.callAs(TenantScope.none(), this::drain);
        } finally {
            refreshBacklog();
            polling.unlock();
        }
    }

    private int drain() {
        int total = 0;
        while (true) {
            Batch batch = transactions.execute(status -> publishBatch());
            total += batch.published();
            published.addAndGet(batch.published());
            noteOutcome(batch);
            if (batch.failure() != null || !batch.locked() || batch.read() < settings.batchSize()) {
                return total;
            }
        }
    }

    private Batch publishBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?, 0)", Boolean.class, RELAY_LOCK_SPACE);
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(false, 0, 0, null);
        }
        List<PendingEvent> events = jdbc.query(SELECT_BATCH, OutboxRelay::pendingEvent, settings.batchSize());
        BatchPublisher.Result result = publisher.publish(events);
        List<Long> acknowledged = result.acknowledged();
        if (!acknowledged.isEmpty()) {
            jdbc.update(
                    "delete from samlyft.outbox_event where position = any(?)",
                    statement -> statement.setArray(
                            1, statement.getConnection().createArrayOf("bigint", acknowledged.toArray())));
        }
        return new Batch(true, events.size(), acknowledged.size(), result.failure());
    }

    private void noteOutcome(Batch batch) {
        if (batch.failure() != null) {
            failedPollsInARow++;
            Instant now = clock.instant();
            boolean warn = lastWarning == null || !now.isBefore(lastWarning.plus(WARNING_INTERVAL));
            if (warn) {
                lastWarning = now;
            }
            LOG.atLevel(warn ? Level.WARN : Level.DEBUG)
                    .log(
                            "The outbox relay could not publish {}. It stays in the outbox, and holds back the later"
                                    + " events of its aggregate, until a later poll sends it (failed polls in a row:"
                                    + " {}; warns at most once a minute)",
                            batch.failure(),
                            failedPollsInARow);
        } else if (batch.locked() && failedPollsInARow > 0) {
            LOG.info("The outbox relay publishes again after {} failed polls", failedPollsInARow);
            failedPollsInARow = 0;
            lastWarning = null;
        }
    }

    private void refreshBacklog() {
        try {
            jdbc.query("select count(*), min(ce_time) from samlyft.outbox_event", row -> {
                pending = row.getLong(1);
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                oldestPending = oldest == null ? null : oldest.toInstant();
            });
        } catch (DataAccessException e) {
            LOG.debug("Could not count the events waiting in the outbox", e);
        }
    }

    private static PendingEvent pendingEvent(ResultSet row, int rowNumber) throws SQLException {
        return new PendingEvent(
                row.getLong("position"),
                row.getString("topic"),
                row.getString("record_key"),
                row.getObject("ce_id", UUID.class),
                row.getString("ce_source"),
                row.getString("ce_type"),
                row.getString("ce_subject"),
                row.getObject("ce_time", OffsetDateTime.class).toInstant(),
                row.getString("ce_dataschema"),
                row.getString("ce_tenantid"),
                row.getString("data"));
    }

    /** Events the broker acknowledged and the outbox gave up, since this relay started. */
    long publishedCount() {
        return published.get();
    }

    /** Sends that failed or timed out; each such event stayed in the outbox. */
    long failedSendCount() {
        return publisher.failedSendCount();
    }

    /** Events in the outbox at the end of the last poll. */
    long pendingCount() {
        return pending;
    }

    /** How long the oldest event in the outbox has waited, as of the last poll; zero when none waits. */
    Duration lag() {
        Instant oldest = oldestPending;
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "samlyft-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
        scheduler = started;
        if (notifications != null) {
            notifications.start();
        }
        LOG.info(
                "The outbox relay publishes {}every {} ms, at most {} events a batch. It works in an explicit"
                        + " system scope: no tenant scope, reading the samlyft.outbox_event rows of every tenant"
                        + " (a table outside row-level security, read by the relay alone)",
                notifications != null ? "when a transaction that appended events commits, and polls " : "",
                interval,
                settings.batchSize());
    }

    /**
     * Publishes soon on the relay's thread: after the poll under way, if one is, so that an event committed during
     * it is not left for the next poll. Wakes that arrive while one waits are one.
     */
    void wake() {
        ScheduledExecutorService running = scheduler;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeQueued.set(false);
                    poll();
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false);
            }
        }
    }

    /** Notifications of committed events received since the relay started. */
    long notificationCount() {
        return notifications == null ? 0 : notifications.receivedCount();
    }

    /** Whether the relay listens for committed events now (false while it polls only). */
    boolean isListening() {
        return notifications != null && notifications.isListening();
    }

    private void poll() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warn("The outbox relay could not poll the outbox; it tries again at the next poll", e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = scheduler;
        if (running == null) {
            return;
        }
        if (notifications != null) {
            notifications.close();
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(settings.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops polling and closes the relay's producer. */
    @Override
    public void close() {
        stop();
        publisher.close();
    }

    private record Batch(
            boolean locked,
            int read,
            int published,
            @Nullable String failure) {}
}
