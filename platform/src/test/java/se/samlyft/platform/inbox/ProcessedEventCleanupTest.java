package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import se.samlyft.testsupport.TestDatabase;

/**
 * The records of applied events are kept for the retention and then deleted, by one replica at a time, a batch to a
 * transaction.
 */
class ProcessedEventCleanupTest extends AgainstInboxTestApplication {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Autowired
    private ProcessedEventCleanup cleanup;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private TestDatabase database;

    @Test
    void deletesTheRecordsOlderThanTheRetentionAndKeepsTheYoungerOnes() {
        String old = record("31 days");
        String young = record("29 days");
        int older = ProcessedEventCleanup.BATCH + 7;
        owner.update("""
                insert into samlyft.processed_event (consumer, event_id, processed_at)
                select 'cleanup-test', gen_random_uuid()::text, now() - interval '60 days'
                from generate_series(1, ?)""", older);

        cleanup.runOnce();

        assertThat(processedRows("cleanup-test", old)).isZero();
        assertThat(processedRows("cleanup-test", young)).isEqualTo(1);
        assertThat(owner.queryForObject(
                        "select count(*) from samlyft.processed_event where processed_at < now() - interval '30 days'",
                        Integer.class))
                .as("every batch, also past the first")
                .isZero();
    }

    @Test
    void leavesTheDeletingToTheReplicaThatHoldsTheLock() throws SQLException {
        String old = record("40 days");

        int deleted;
        try (Connection other = database.ownerDataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('samlyft.processed_event.purge'))");
                deleted = ProcessedEventCleanup.purge(jdbc, transactions, RETENTION);
            }
            other.rollback();
        }

        assertThat(deleted).isEqualTo(-1);
        assertThat(processedRows("cleanup-test", old)).isEqualTo(1);
    }

    private String record(String age) {
        String id = UUID.randomUUID().toString();
        owner.update(
                "insert into samlyft.processed_event (consumer, event_id, processed_at) values ('cleanup-test', ?, now()"
                        + " - ?::interval)",
                id,
                age);
        return id;
    }
}
