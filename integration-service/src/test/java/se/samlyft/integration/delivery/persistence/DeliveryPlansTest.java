package se.samlyft.integration.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.testsupport.TestDatabase;

/**
 * The statements that record a batch of outcomes find the batch's deliveries by key under row-level security, as
 * the service runs them (its role, a tenant scope, a prepared statement's generic plan): never by reading every
 * delivery of the tenant. A join on a text-to-uuid cast cannot go below the policy, so it scanned the whole table
 * for every batch (0.65 s a batch at 500,000 deliveries).
 */
class DeliveryPlansTest extends AgainstIntegration {

    private static final Pattern PARAMETER = Pattern.compile("\\?");

    @Autowired
    TestDatabase database;

    @ParameterizedTest
    @ValueSource(strings = {"RECORD_ATTEMPTS", "RECORD_DELIVERIES", "POSTPONE_LANES"})
    void findsTheBatchsDeliveriesByKeyUnderRowLevelSecurity(String statement) throws Exception {
        String sql = (String) JdbcDeliveries.class.getDeclaredField(statement).get(null);
        JdbcTemplate app = new JdbcTemplate(database.appDataSource());
        TransactionTemplate transaction =
                new TransactionTemplate(new DataSourceTransactionManager(database.appDataSource()));

        List<String> plan = transaction.execute(status -> {
            app.queryForObject("select set_config('samlyft.tenant_ids', 'asele', true)", String.class);
            app.execute("set local enable_seqscan = off");
            app.execute("set local plan_cache_mode = force_generic_plan");
            app.execute("prepare recording as " + numbered(sql));
            try {
                return app.queryForList("explain execute recording(" + nulls(sql) + ")", String.class);
            } finally {
                app.execute("deallocate recording");
            }
        });

        assertThat(plan).as("no condition casts the batch's ids row by row").noneMatch(line -> line.contains("::uuid"));
        if (!statement.equals("POSTPONE_LANES")) {
            assertThat(plan).anyMatch(line -> line.contains("Index Cond: (id = x.id)"));
        }
    }

    private static String nulls(String sql) {
        return String.join(
                ", ", Collections.nCopies((int) PARAMETER.matcher(sql).results().count(), "null"));
    }

    /** The statement with PostgreSQL's own parameters ($1, $2, ...) instead of JDBC's, as the driver sends it. */
    private static String numbered(String sql) {
        AtomicInteger number = new AtomicInteger();
        Matcher parameters = PARAMETER.matcher(sql);
        return parameters.replaceAll(match -> "\\$" + number.incrementAndGet());
    }
}
