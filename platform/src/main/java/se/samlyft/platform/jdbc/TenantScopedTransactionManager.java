package se.samlyft.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Starts every transaction by telling PostgreSQL which tenants it may see. The setting is local to the
 * transaction, so a pooled connection never carries one request's scope into the next; a transaction with no
 * tenant gets an empty scope, and the row-level security policies then show it nothing.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    /** The PostgreSQL setting the services' row-level security policies read. */
    public static final String TENANT_SETTING = "samlyft.tenant_ids";

    private final transient Supplier<TenantScope> currentScope;

    public TenantScopedTransactionManager(DataSource dataSource, Supplier<TenantScope> currentScope) {
        super(dataSource);
        this.currentScope = currentScope;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, TENANT_SETTING);
            statement.setString(2, currentScope.get().asSetting());
            statement.execute();
        }
    }
}
