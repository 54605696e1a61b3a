package se.samlyft.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.security.CurrentTenantScope;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestPostgres;

/**
 * Tenant isolation on a real PostgreSQL server, through the platform's transaction manager and a pool of one
 * connection as the application's role: the same connection serves every tenant in turn, as it does in production.
 */
class TenantIsolationTest {

    private static final TenantId ARVIDSJAUR = TenantId.of("arvidsjaur");
    private static final TenantId MALA = TenantId.of("mala");
    private static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    private static final TenantId PITEA = TenantId.of("pitea");

    private static TestDatabase database;
    private static HikariDataSource pool;

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeAll
    static void createTenantTable() {
        database = TestPostgres.get().createDatabase("tenant_isolation");
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.execute("create table note (id uuid primary key, tenant_id text not null, body text not null)");
        owner.execute("alter table note enable row level security");
        owner.execute("""
                create policy note_tenant_scope on note
                using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))""");
        owner.execute("grant select, insert, update, delete on note to " + database.appUser());
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.appUser());
        pool.setPassword(database.appPassword());
        pool.setMaximumPoolSize(1);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void seedNotesOfFourTenants() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        owner.update("delete from note");
        for (TenantId tenant : List.of(ARVIDSJAUR, MALA, AKADEMI_NORR, PITEA)) {
            owner.update(
                    "insert into note values (?, ?, ?)", UUID.randomUUID(), tenant.value(), "Anteckning för " + tenant);
        }
        jdbc = new JdbcTemplate(pool);
        transaction = new TransactionTemplate(new TenantScopedTransactionManager(pool, CurrentTenantScope::get));
    }

    @Test
    void aQueryWithoutATenantScopeReturnsNothing() {
        assertThat(tenantsSeenIn(TenantScope.none())).isEmpty();
        assertThat(tenantsSeenInATransactionWithoutScope())
                .as("no caller, no explicit scope")
                .isEmpty();
        assertThat(tenantsSeen()).as("outside any transaction").isEmpty();
    }

    @Test
    void aTenantSeesOnlyItsOwnRows() {
        assertThat(tenantsSeenIn(TenantScope.of(ARVIDSJAUR))).containsExactly("arvidsjaur");
        assertThat(tenantsSeenIn(TenantScope.of(MALA))).containsExactly("mala");
    }

    @Test
    void theScopeDoesNotOutliveItsTransactionOnAPooledConnection() {
        assertThat(tenantsSeenIn(TenantScope.of(ARVIDSJAUR))).isNotEmpty();
        assertThat(tenantsSeen())
                .as("the same pooled connection, outside a transaction")
                .isEmpty();

        assertThat(tenantsSeenIn(TenantScope.of(MALA))).isNotEmpty();
        assertThat(tenantsSeenInATransactionWithoutScope())
                .as("the next transaction")
                .isEmpty();
    }

    @Test
    void anotherTenantCannotReadOrChangeARowEvenWithHandWrittenSql() {
        UUID arvidsjaursNote =
                jdbcAsOwner().queryForObject("select id from note where tenant_id = 'arvidsjaur'", UUID.class);

        Integer read = inTransaction(
                TenantScope.of(MALA),
                () -> jdbc.queryForObject(
                        "select count(*) from note where id = ? or tenant_id = 'arvidsjaur' or true",
                        Integer.class,
                        arvidsjaursNote));
        Integer updated = inTransaction(
                TenantScope.of(MALA),
                () -> jdbc.update("update note set body = 'ändrad av Malå' where id = ?", arvidsjaursNote));
        Integer deleted = inTransaction(
                TenantScope.of(MALA), () -> jdbc.update("delete from note where id = ?", arvidsjaursNote));

        assertThat(read).as("rows Malå counts, its own only").isEqualTo(1);
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(jdbcAsOwner().queryForObject("select body from note where id = ?", String.class, arvidsjaursNote))
                .isEqualTo("Anteckning för arvidsjaur");
    }

    @Test
    void aTenantCannotWriteARowInAnotherTenantsName() {
        assertThatThrownBy(() -> inTransaction(
                        TenantScope.of(MALA),
                        () -> jdbc.update("insert into note values (?, 'arvidsjaur', 'inskjuten')", UUID.randomUUID())))
                .rootCause()
                .hasMessageContaining("new row violates row-level security policy");
        assertThatThrownBy(() -> inTransaction(
                        TenantScope.of(MALA),
                        () -> jdbc.update("update note set tenant_id = 'arvidsjaur' where tenant_id = 'mala'")))
                .rootCause()
                .hasMessageContaining("new row violates row-level security policy");
    }

    @Test
    void aFederationScopeSeesExactlyTheFederationAndItsMembers() {
        TenantScope federation = TenantScope.federation(AKADEMI_NORR, List.of(ARVIDSJAUR, MALA));

        assertThat(tenantsSeenIn(federation)).containsExactly("akademi-norr", "arvidsjaur", "mala");
    }

    private List<String> tenantsSeen() {
        return jdbc.queryForList("select tenant_id from note order by tenant_id", String.class);
    }

    private List<String> tenantsSeenInATransactionWithoutScope() {
        return transaction.execute(status -> tenantsSeen());
    }

    private List<String> tenantsSeenIn(TenantScope scope) {
        return inTransaction(scope, this::tenantsSeen);
    }

    private <T> T inTransaction(TenantScope scope, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(scope, () -> transaction.execute(status -> work.get()));
    }

    private static JdbcTemplate jdbcAsOwner() {
        return new JdbcTemplate(database.ownerDataSource());
    }
}
