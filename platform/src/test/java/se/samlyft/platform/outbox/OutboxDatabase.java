package se.samlyft.platform.outbox;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.contracts.EventContracts;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;
import se.samlyft.platform.security.CurrentTenantScope;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestPostgres;

/**
 * A service's database in miniature for the outbox tests: migrated by the owner with the platform's migrations and a
 * course table, used by the application role through a pool and the platform's tenant-scoped transactions.
 */
final class OutboxDatabase implements AutoCloseable {

    static final String SOURCE = "/samlyft/outbox-test";

    final TestDatabase database;
    final HikariDataSource pool;
    final TenantScopedTransactionManager transactions;
    final Outbox outbox;

    private OutboxDatabase(TestDatabase database) {
        this.database = database;
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                .locations("classpath:db/samlyft", "classpath:db/outbox-test")
                .placeholders(Map.of("approle", database.appUser()))
                .load()
                .migrate();
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.appUser());
        pool.setPassword(database.appPassword());
        pool.setMaximumPoolSize(8);
        transactions = new TenantScopedTransactionManager(pool, CurrentTenantScope::get);
        outbox = new Outbox(pool, transactions, SOURCE, Clock.systemUTC(), EventContracts.load());
    }

    static OutboxDatabase create(String purpose) {
        return new OutboxDatabase(TestPostgres.get().createDatabase(purpose));
    }

    /** A relay of this database on the given broker, as a new process would start it. */
    OutboxRelay newRelay(String bootstrapServers, int batchSize, Duration sendTimeout) {
        return newRelay(
                bootstrapServers,
                new OutboxProperties.Relay(true, Duration.ofMillis(50), batchSize, sendTimeout, true));
    }

    /** A relay of this database on the given broker with the given settings. */
    OutboxRelay newRelay(String bootstrapServers, OutboxProperties.Relay settings) {
        return new OutboxRelay(
                pool,
                transactions,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                settings,
                Clock.systemUTC());
    }

    /** Runs the work in one transaction of the tenant, as a service's {@code @Transactional} method would. */
    <T> T inTransactionOf(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(
                TenantScope.of(tenant), () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    JdbcTemplate app() {
        return new JdbcTemplate(pool);
    }

    JdbcTemplate owner() {
        return new JdbcTemplate(database.ownerDataSource());
    }

    /** The ids of the events in the outbox, oldest first, as the owner sees them. */
    List<UUID> pendingEventIds() {
        return owner().queryForList("select ce_id from samlyft.outbox_event order by position", UUID.class);
    }

    void emptyOutbox() {
        owner().update("delete from samlyft.outbox_event");
    }

    @Override
    public void close() {
        pool.close();
    }
}
