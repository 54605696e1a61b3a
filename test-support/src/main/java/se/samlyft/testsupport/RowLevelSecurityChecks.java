package se.samlyft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves, against the real database of a service, that the application's role is held by row-level security on
 * every tenant-owned table and has no way around it.
 */
public final class RowLevelSecurityChecks {

    private final TestDatabase database;
    private final JdbcTemplate asApp;
    private final JdbcTemplate asOwner;

    public RowLevelSecurityChecks(TestDatabase database) {
        this.database = database;
        this.asApp = new JdbcTemplate(database.appDataSource());
        this.asOwner = new JdbcTemplate(database.ownerDataSource());
    }

    /** The service's own tables (schema {@code public}) that have a {@code tenant_id} column. */
    public List<String> tenantOwnedTables() {
        return asOwner.queryForList("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                order by c.table_name""", String.class);
    }

    /** The application's role is no superuser, cannot bypass row-level security and owns no table. */
    public void assertApplicationRoleIsUnprivileged() {
        Boolean privileged = asApp.queryForObject(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
        assertThat(privileged).as("application role is superuser or BYPASSRLS").isFalse();
        Integer owned = asApp.queryForObject(
                "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user",
                Integer.class);
        assertThat(owned).as("tables owned by the application role").isZero();
    }

    /**
     * Each tenant-owned table, the service's own and the platform's (schema {@code samlyft}), has row-level security
     * switched on and at least one policy.
     */
    public void assertEveryTenantTableHasAPolicy() {
        List<String> tables = asOwner.queryForList("""
                select c.table_schema || '.' || c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema in ('public', 'samlyft') and c.column_name = 'tenant_id'
                  and t.table_type = 'BASE TABLE'
                order by 1""", String.class);
        assertThat(tables).as("tenant-owned tables").isNotEmpty();
        for (String table : tables) {
            Boolean enabled = asOwner.queryForObject(
                    "select relrowsecurity from pg_class where oid = ?::regclass", Boolean.class, table);
            Integer policies = asOwner.queryForObject(
                    "select count(*) from pg_policies where schemaname || '.' || tablename = ?", Integer.class, table);
            assertThat(enabled).as("row-level security on %s", table).isTrue();
            assertThat(policies).as("policies on %s", table).isPositive();
        }
    }

    /**
     * With rows present (as the owner sees them), the application's role sees none of them without a tenant scope,
     * and each way around the policies is refused: switching row security off, disabling it on the table, dropping
     * the policy, or becoming the owner.
     */
    public void assertApplicationRoleCannotBypass(String table) {
        Integer rows = asOwner.queryForObject("select count(*) from " + table, Integer.class);
        assertThat(rows).as("rows in %s for the check to mean something", table).isPositive();

        assertThat(asApp.queryForObject("select count(*) from " + table, Integer.class))
                .as("rows of %s the application role sees with no tenant scope", table)
                .isZero();
        assertThat(withRowSecurityOff(table))
                .as("reading %s with row_security = off", table)
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> asApp.execute("alter table " + table + " disable row level security"))
                .as("disabling row-level security on %s", table)
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asApp.execute("alter table " + table + " no force row level security"))
                .rootCause()
                .hasMessageContaining("must be owner");
        String policy = asOwner.queryForObject(
                "select policyname from pg_policies where tablename = ? limit 1", String.class, table);
        assertThatThrownBy(() -> asApp.execute("drop policy \"" + policy + "\" on " + table))
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asApp.execute("set role " + database.ownerUser()))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    private Throwable withRowSecurityOff(String table) {
        try (Connection connection = database.appDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local row_security = off");
            statement.executeQuery("select count(*) from " + table).close();
        } catch (SQLException refused) {
            return refused;
        }
        throw new AssertionError("The application role read " + table + " with row_security off");
    }
}
