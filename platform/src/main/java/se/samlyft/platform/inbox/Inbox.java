package se.samlyft.platform.inbox;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Applies each event once per consumer. The effect runs in a new transaction of the service's transaction manager,
 * in the tenant scope the event names, together with a row in {@code samlyft.processed_event}: both commit or
 * neither does, and an event whose row exists already is skipped. An event of no tenant runs in the system scope,
 * which is the empty scope: row-level security shows and admits it no tenant's rows.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private static final String RECORD_PROCESSED = """
            insert into samlyft.processed_event (consumer, event_id) values (?, ?)
            on conflict (consumer, event_id) do nothing""";

    private final JdbcOperations jdbc;
    private final TransactionTemplate transaction;

    /**
     * @param jdbc statements on the service's database
     * @param transactionManager the service's transaction manager, which must set the tenant scope of each
     *     transaction for row-level security (the platform's {@code TenantScopedTransactionManager} does)
     */
    public Inbox(JdbcOperations jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
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
     *
     * @param consumer names what the effect does (for example {@code course-projection}); two consumers of the same
     *     event each apply it once
     * @return whether the effect ran; false if the event had been applied
     */
    public boolean handle(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("A consumer has a name");
        }
        TenantScope scope;
        if (event.tenant() == null) {
            log.info("Applying {} for {} in the system scope: no tenant's rows", event, consumer);
            scope = TenantScope.none();
        } else {
            scope = TenantScope.of(event.tenant());
        }
        Boolean applied = TenantContext.callAs(
                scope,
                () -> transaction.execute(status -> {
                    if (jdbc.update(RECORD_PROCESSED, consumer, event.id()) == 0) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                }));
        if (!Boolean.TRUE.equals(applied)) {
            log.debug("Skipped {} for {}: applied before", event, consumer);
            return false;
        }
        return true;
    }
}
