package se.samlyft.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import se.samlyft.deploy.LocalPlatform;

/**
 * PostgreSQL in bulk-load mode while the generator loads: commits do not wait for their WAL to reach the disk
 * ({@code synchronous_commit = off} for the whole server), as one loads a database that can be loaded again. The
 * services' consumers commit once per event, and on this machine the flush is most of their time. Closing switches
 * it back on and checkpoints, so everything loaded is on disk before the dataset is declared ready, and the suite
 * measures the platform as it runs. Before that it vacuums and analyses every service's database, as after any bulk
 * load, so that the suite does not share the machine with autovacuum catching up on millions of new rows.
 */
final class BulkLoad implements AutoCloseable {

    private final LocalPlatform platform;
    private final Progress progress;

    private BulkLoad(LocalPlatform platform, Progress progress) {
        this.platform = platform;
        this.progress = progress;
    }

    static BulkLoad begin(LocalPlatform platform, Progress progress) throws SQLException {
        BulkLoad bulk = new BulkLoad(platform, progress);
        bulk.synchronousCommit("off");
        progress.say("PostgreSQL in bulk-load mode: commits do not wait for the disk until the load is done");
        return bulk;
    }

    @Override
    public void close() throws SQLException {
        synchronousCommit("on");
        vacuum(platform, progress);
        try (Connection connection = superuser(anyDatabase());
                Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
        progress.say("PostgreSQL out of bulk-load mode: commits wait for the disk again, and the load is vacuumed,"
                + " analysed and checkpointed");
    }

    /**
     * Vacuums and analyses every service's database, as autovacuum would after many new or deleted rows (a load, a
     * rebuild), so that a measurement does not share the machine with it.
     */
    static void vacuum(LocalPlatform platform, Progress progress) throws SQLException {
        for (String name : platform.databases()) {
            try (Progress.Stage stage = progress.stage("vacuum analyze of " + name + "'s database", 0);
                    Connection connection = superuser(platform.database(name));
                    Statement statement = connection.createStatement()) {
                statement.execute("vacuum (analyze)");
            }
        }
    }

    /**
     * Ends a bulk-load mode that a stopped generator left behind, so that the suite measures commits as the platform
     * makes them; whether there was one.
     */
    static boolean endLeftOver(LocalPlatform platform, Progress progress) throws SQLException {
        BulkLoad bulk = new BulkLoad(platform, progress);
        try (Connection connection = bulk.superuser(bulk.anyDatabase());
                Statement statement = connection.createStatement();
                java.sql.ResultSet setting = statement.executeQuery("show synchronous_commit")) {
            setting.next();
            if (setting.getString(1).equals("on")) {
                return false;
            }
        }
        bulk.close();
        return true;
    }

    private void synchronousCommit(String value) throws SQLException {
        try (Connection connection = superuser(anyDatabase());
                Statement statement = connection.createStatement()) {
            statement.execute("alter system set synchronous_commit = " + value);
            statement.execute("select pg_reload_conf()");
        }
    }

    /** The settings are the server's: any of its databases will do. */
    private LocalPlatform.Database anyDatabase() {
        return platform.database(platform.databases().getFirst());
    }

    private static Connection superuser(LocalPlatform.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.superuser(), database.superuserPassword());
    }
}
