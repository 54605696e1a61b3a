package se.samlyft.platform.inbox;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Applies each event once per consumer. The effect runs in a transaction of the service's transaction manager, in the
 * tenant scope the event names, together with a row in {@code samlyft.processed_event}: both commit or neither does,
 * and an event whose row exists already is skipped. An event of no tenant runs in the system scope, which is the
 * empty scope: row-level security shows and admits it no tenant's rows. An event whose source or type is not that of
 * its topic's producer ({@link EventProducers}) is refused before anything runs.
 *
 * <p>A listener that receives a poll's records at once hands them to {@link #handlePoll}, which applies them all in
 * one transaction, so the poll waits for one commit and one flush to disk instead of one per event.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private static final String RECORD_PROCESSED = """
            insert into samlyft.processed_event (consumer, event_id) values (?, ?)
            on conflict (consumer, event_id) do nothing""";

    private static final String SET_SCOPE =
            "select set_config('" + TenantScopedTransactionManager.TENANT_SETTING + "', ?, true)";

    private final JdbcOperations jdbc;
    private final TransactionTemplate transaction;
    private final EventProducers producers;

    /** Set while {@link #handlePoll} runs its transaction on this thread: {@link #handle} then joins it. */
    private final ThreadLocal<Boolean> inPollTransaction = new ThreadLocal<>();

    /**
     * @param jdbc statements on the service's database
     * @param transactionManager the service's transaction manager, which must set the tenant scope of each
     *     transaction for row-level security (the platform's {@code TenantScopedTransactionManager} does)
     * @param producers the producer of each topic, whose events alone are applied
     */
    public Inbox(JdbcOperations jdbc, PlatformTransactionManager transactionManager, EventProducers producers) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reads the record as an event and applies it, as {@link #handle(String, InboundEvent, Consumer)} does.
     *
     * @throws MalformedEventException if the record is no event
     */
    public boolean handle(String consumer, ConsumerRecord<?, ?> record, Consumer<InboundEvent> effect) {
        return handle(consumer, InboundEvent.from(record), effect);
    }

    /**
     * Runs the effect unless this consumer has applied the event's id before, and records the id in the effect's
     * transaction. An effect that throws rolls back and leaves the event unapplied, so a redelivery runs it again.
     * Called inside {@link #handlePoll}, the effect runs in the poll's transaction, switched to the event's tenant
     * scope, which stays switched until the next event's: the callback must let the exception out (the poll's
     * transaction cannot roll back one event alone) and reach tenants' rows only through this method. Otherwise the
     * effect runs in a new transaction of its own, whatever transaction the caller is in.
     *
     * @param consumer names what the effect does (for example {@code course-projection}); two consumers of the same
     *     event each apply it once
     * @return whether the effect ran; false if the event had been applied
     * @throws EventProducers.ForeignEventException if the event claims another producer than its topic's
     */
    public boolean handle(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("A consumer has a name");
        }
        producers.check(event);
        TenantScope scope;
        if (event.tenant() == null) {
            log.info("Applying {} for {} in the system scope: no tenant's rows", event, consumer);
            scope = TenantScope.none();
        } else {
            scope = TenantScope.of(event.tenant());
        }
        boolean applied;
        if (Boolean.TRUE.equals(inPollTransaction.get())) {
            applied = TenantContext.callAs(scope, () -> {
                jdbc.queryForObject(SET_SCOPE, String.class, scope.asSetting());
                return applyOnce(consumer, event, effect);
            });
        } else {
            applied = Boolean.TRUE.equals(TenantContext.callAs(
                    scope, () -> transaction.execute(status -> applyOnce(consumer, event, effect))));
        }
        if (!applied) {
            log.debug("Skipped {} for {}: applied before", event, consumer);
        }
        return applied;
    }

    private boolean applyOnce(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        if (jdbc.update(RECORD_PROCESSED, consumer, event.id()) == 0) {
            return false;
        }
        effect.accept(event);
        return true;
    }

    /**
     * Applies the records of one poll, in order, in one transaction: {@code each} is called for every record and
     * applies it with {@link #handle}, which then joins that transaction. When a record fails, the transaction rolls
     * back, the records before it are applied again in a transaction of their own, and a {@link
     * BatchListenerFailedException} names the failed one: the platform's error handler commits the offsets before it
     * and retries it, or sends it to its dead-letter topic, as it does for a listener of single records. A failure at
     * the commit itself, which names no record, is met by applying the records one transaction each.
     *
     * @throws BatchListenerFailedException naming the first record that could not be applied
     */
    public <R extends ConsumerRecord<?, ?>> void handlePoll(List<R> records, Consumer<R> each) {
        int[] reached = {0};
        try {
            transaction.executeWithoutResult(status -> {
                Boolean outer = inPollTransaction.get();
                inPollTransaction.set(Boolean.TRUE);
                try {
                    for (R record : records) {
                        each.accept(record);
                        reached[0]++;
                    }
                } finally {
                    if (outer == null) {
                        inPollTransaction.remove();
                    } else {
                        inPollTransaction.set(outer);
                    }
                }
            });
        } catch (RuntimeException failure) {
            int failed = reached[0];
            if (failed == records.size()) {
                log.warn("A poll of {} records failed at its commit; applying them one at a time", failed, failure);
                applyOneAtATime(records, each);
                return;
            }
            if (failed > 0) {
                handlePoll(records.subList(0, failed), each);
            }
            throw failedAt(records, failed, failure);
        }
    }

    private <R extends ConsumerRecord<?, ?>> void applyOneAtATime(List<R> records, Consumer<R> each) {
        for (int index = 0; index < records.size(); index++) {
            try {
                each.accept(records.get(index));
            } catch (RuntimeException failure) {
                throw failedAt(records, index, failure);
            }
        }
    }

    private static BatchListenerFailedException failedAt(
            List<? extends ConsumerRecord<?, ?>> records, int index, RuntimeException failure) {
        return new BatchListenerFailedException(
                InboundEvent.Position.of(records.get(index)) + " could not be applied: " + failure.getMessage(),
                failure,
                index);
    }

    /**
     * Runs the action once the current transaction has committed, which inside {@link #handlePoll} is the poll's: an
     * action of a poll that rolls back never runs. With no transaction, as after {@link #handle} outside a poll (whose
     * own transaction has committed when it returns), the action runs at once.
     */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
