package se.samlyft.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates, if missing, the databases and login roles of the platform: per service database an owner role that
 * runs the migrations and an application role that may only connect, plus Keycloak's database.
 */
final class Databases {

    /** The databases of the five services, each with the roles {@code <db>_owner} and {@code <db>_app}. */
    static final List<String> SERVICE_DATABASES =
            List.of("identity", "catalog", "enrolment", "reporting", "integration");

    static final String KEYCLOAK = "keycloak";

    private Databases() {}

    static String owner(String database) {
        return database + "_owner";
    }

    static String app(String database) {
        return database + "_app";
    }

    /** Brings the server to the expected roles and databases; safe to run on every start. */
    static void provision(int port) throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(Postgres.jdbcUrl(port, "postgres"));
        server.setUser(Postgres.SUPERUSER);
        server.setPassword(Postgres.SUPERUSER_PASSWORD);
        try (Connection connection = server.getConnection()) {
            for (String database : SERVICE_DATABASES) {
                role(connection, owner(database), "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
                role(connection, app(database), "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
                database(connection, database, owner(database));
                execute(connection, "GRANT CONNECT ON DATABASE " + database + " TO " + app(database));
            }
            role(connection, KEYCLOAK, "NOSUPERUSER NOCREATEDB NOCREATEROLE");
            database(connection, KEYCLOAK, KEYCLOAK);
        }
    }

    /** A login role whose password is its name, as every local role has. */
    private static void role(Connection connection, String name, String attributes) throws SQLException {
        String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
        execute(connection, verb + " ROLE " + name + " LOGIN PASSWORD '" + name + "' " + attributes);
    }

    private static void database(Connection connection, String name, String owner) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
            execute(connection, "CREATE DATABASE " + name + " OWNER " + owner);
        }
        execute(connection, "ALTER DATABASE " + name + " OWNER TO " + owner);
        execute(connection, "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
