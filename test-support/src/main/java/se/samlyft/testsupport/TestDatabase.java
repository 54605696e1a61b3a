package se.samlyft.testsupport;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test context, laid out as in production: the owner role runs the migrations
 * and owns the tables; the application role only reads and writes, under row-level security.
 */
public record TestDatabase(
        String host,
        int port,
        String name,
        String ownerUser,
        String ownerPassword,
        String appUser,
        String appPassword) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public DataSource ownerDataSource() {
        return dataSource(ownerUser, ownerPassword);
    }

    public DataSource appDataSource() {
        return dataSource(appUser, appPassword);
    }

    private DataSource dataSource(String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(name);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}
