package se.samlyft.platform.outbox;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a connection of its own for PostgreSQL's notifications on {@link #CHANNEL}, which a trigger on the
 * outbox table sends when a transaction that appended events commits, and wakes the relay on each. When the
 * connection breaks it opens a new one after a pause, and wakes the relay once it listens again, so that events
 * committed while it did not listen go out at once; the relay's own poll covers anything missed in between.
 */
final class OutboxNotifications implements AutoCloseable {

    /** The channel the outbox's trigger notifies ({@code R__samlyft_outbox.sql}). */
    static final String CHANNEL = "samlyft_outbox";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final int CHECK_EVERY_IDLE_WAITS = 10;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    /** Opens the connection the notifications arrive on, a PostgreSQL connection of its own. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;

        /**
         * Connections to the database of a pool, opened beside it with the pool's URL, user and settings (a pooled
         * connection would be taken from the service's requests for good); the pool's own for another data source.
         */
        static Connections of(DataSource dataSource) {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                    String url = pool.getJdbcUrl();
                    if (url != null) {
                        return () -> {
                            Properties settings = new Properties();
                            settings.putAll(pool.getDataSourceProperties());
                            if (pool.getUsername() != null) {
                                settings.setProperty("user", pool.getUsername());
                            }
                            if (pool.getPassword() != null) {
                                settings.setProperty("password", pool.getPassword());
                            }
                            settings.setProperty("ApplicationName", "samlyft-outbox-notifications");
                            return DriverManager.getConnection(url, settings);
                        };
                    }
                }
            } catch (SQLException e) {
                LOG.debug("Not a pool with a JDBC URL; the notifications take a connection of the data source", e);
            }
            return dataSource::getConnection;
        }
    }

    private final Connections connections;
    private final Runnable wake;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection connection;

    OutboxNotifications(Connections connections, Runnable wake) {
        this.connections = connections;
        this.wake = wake;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread started = Thread.ofPlatform()
                .name("samlyft-outbox-notifications")
                .daemon(true)
                .start(this::listenWhileRunning);
        thread = started;
    }

    /** Whether the listening connection is open and has run {@code LISTEN}. */
    boolean isListening() {
        return listening;
    }

    /** Notifications received since start. */
    long receivedCount() {
        return received.get();
    }

    private void listenWhileRunning() {
        boolean warned = false;
        while (running) {
            try (Connection opened = connections.open()) {
                connection = opened;
                PGConnection notifications = opened.unwrap(PGConnection.class);
                try (Statement listen = opened.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                listening = true;
                if (warned) {
                    LOG.info("The outbox relay listens for committed events again");
                    warned = false;
                }
                wake.run();
                receive(opened, notifications);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!warned) {
                    LOG.warn(
                            "The outbox relay lost its connection for notifications of committed events; it polls"
                                    + " until it listens again, and reconnects every {} s",
                            RECONNECT_PAUSE.toSeconds(),
                            e);
                    warned = true;
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause();
        }
    }

    private void receive(Connection opened, PGConnection notifications) throws SQLException {
        int idleWaits = 0;
        while (running) {
            PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
            if (arrived != null && arrived.length > 0) {
                received.addAndGet(arrived.length);
                idleWaits = 0;
                wake.run();
            } else if (++idleWaits >= CHECK_EVERY_IDLE_WAITS) {
                idleWaits = 0;
                if (!opened.isValid(2)) {
                    throw new SQLException("The connection for notifications no longer answers");
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debug("Could not close the connection for notifications", e);
            }
        }
        Thread started = thread;
        if (started != null) {
            started.interrupt();
            try {
                started.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }
}
