package se.samlyft.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import se.samlyft.deploy.LocalPlatform;

/**
 * Switches row-level security off on every table of a service's database that has it, as the tables' owner, and on
 * again: the suite measures the same queries both ways. Only for the bench's own installation.
 */
final class RowLevelSecurity implements AutoCloseable {

    private final LocalPlatform.Database database;
    private final List<String> tables;

    private RowLevelSecurity(LocalPlatform.Database database, List<String> tables) {
        this.database = database;
        this.tables = tables;
    }

    /** Switches it off; {@link #close()} switches it on again. */
    static RowLevelSecurity off(LocalPlatform.Database database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("select schemaname || '.' || tablename from pg_tables where rowsecurity"
                            + " and schemaname not in ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("alter table " + table + " disable row level security");
            }
        }
        return new RowLevelSecurity(database, List.copyOf(tables));
    }

    List<String> tables() {
        return tables;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("alter table " + table + " enable row level security");
            }
        }
    }

    private static Connection connect(LocalPlatform.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.owner(), database.owner());
    }
}
