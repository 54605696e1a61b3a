package se.samlyft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import se.samlyft.deploy.LocalPlatform;

/**
 * The processor time PostgreSQL's server processes have spent on one database's connections (Linux only: read from
 * {@code /proc}), to tell what a database's work costs apart from how busy the machine was: a rate falls when other
 * processes take the processors, processor time does not. Connections that close between two readings take their time
 * with them, so it is for connections that stay, such as a service's pool.
 */
final class DatabaseTime {

    private static final long TICK_NANOS = 10_000_000L;

    private final LocalPlatform.Database database;
    private final String name;

    DatabaseTime(LocalPlatform.Database database) {
        this.database = database;
        this.name = database.url().substring(database.url().lastIndexOf('/') + 1);
    }

    /** The processor time of the database's connections so far, by server process. */
    Map<Long, Long> read() throws SQLException {
        Map<Long, Long> nanos = new HashMap<>();
        String url = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection connection =
                        DriverManager.getConnection(url, database.superuser(), database.superuserPassword());
                PreparedStatement backends = connection.prepareStatement(
                        "select pid from pg_stat_activity where datname = ? and backend_type = 'client backend'")) {
            backends.setString(1, name);
            try (ResultSet rows = backends.executeQuery()) {
                while (rows.next()) {
                    long pid = rows.getLong(1);
                    long ticks = ticks(pid);
                    if (ticks >= 0) {
                        nanos.put(pid, ticks * TICK_NANOS);
                    }
                }
            }
        }
        return nanos;
    }

    /** The processor time spent between two readings by the connections open at both. */
    static long spent(Map<Long, Long> before, Map<Long, Long> after) {
        long spent = 0;
        for (Map.Entry<Long, Long> process : after.entrySet()) {
            Long earlier = before.get(process.getKey());
            if (earlier != null) {
                spent += process.getValue() - earlier;
            }
        }
        return spent;
    }

    /** User and system time of a process in clock ticks; -1 when it is gone or unreadable. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
