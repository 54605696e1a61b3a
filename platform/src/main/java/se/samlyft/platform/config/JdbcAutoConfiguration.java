package se.samlyft.platform.config;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;
import se.samlyft.platform.security.CurrentTenantScope;

/** Replaces the plain JDBC transaction manager with one that scopes each transaction to the current tenants. */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = DataSourceTransactionManagerAutoConfiguration.class)
@ConditionalOnClass({JdbcTransactionManager.class, DataSource.class})
public class JdbcAutoConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(DataSource.class)
    TenantScopedTransactionManager transactionManager(DataSource dataSource) {
        return new TenantScopedTransactionManager(dataSource, CurrentTenantScope::get);
    }
}
