package se.samlyft.platform.inbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.jdbc.PeriodicWork;

/**
 * Deletes the records of applied events ({@code samlyft.processed_event}) older than {@code
 * samlyft.consumer.processed-retention} (30 days unless set), every {@code samlyft.consumer.cleanup-interval} (an
 * hour), a few thousand rows to a transaction. An event is redelivered within minutes, or, after a consumer group's
 * offsets expired (the broker's {@code offsets.retention.minutes}, 7 days), from the start of its topic: the
 * retention must outlast both, or an old event could be applied twice. Each replica runs it; a transaction-scoped
 * advisory lock lets one at a time delete.
 */
public class ProcessedEventCleanup extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventCleanup.class);

    /** How many rows one transaction deletes at most. */
    static final int BATCH = 5000;

    private static final String PURGE = """
            delete from samlyft.processed_event where ctid = any (array(
                select ctid from samlyft.processed_event
                where processed_at < now() - ? * interval '1 second'
                limit ?))""";

    public ProcessedEventCleanup(
            JdbcOperations jdbc, PlatformTransactionManager transactions, Duration retention, Duration interval) {
        super("samlyft-processed-event-cleanup", interval, () -> purge(jdbc, transactions, retention));
    }

    /** Deletes what is older than the retention; how many rows, or -1 when another replica is at it. */
    static int purge(JdbcOperations jdbc, PlatformTransactionManager transactions, Duration retention) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        int total = 0;
        Integer deleted;
        do {
            deleted = transaction.execute(status -> {
                Boolean locked = jdbc.queryForObject(
                        "select pg_try_advisory_xact_lock(hashtext('samlyft.processed_event.purge'))", Boolean.class);
                return Boolean.TRUE.equals(locked) ? jdbc.update(PURGE, retention.toSeconds(), BATCH) : -1;
            });
            if (deleted == null || deleted < 0) {
                log.debug("Another replica deletes old records of applied events");
                return -1;
            }
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} records of events applied more than {} ago", total, retention);
        }
        return total;
    }
}
