package se.samlyft.platform.idempotency;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.config.JdbcAutoConfiguration;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;

/**
 * {@code Idempotency-Key} on the POSTs of a servlet service with a database and the platform's tenant-scoped
 * transactions: the store, the filter just after Spring Security (so that it knows the caller) and the cleanup of
 * expired keys. Off with {@code samlyft.idempotency.enabled=false}.
 */
@AutoConfiguration(after = {JdbcAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(TenantScopedTransactionManager.class)
@ConditionalOnBooleanProperty(name = "samlyft.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Right after Spring Security's filter chain. */
    public static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    IdempotencyStore idempotencyStore(
            DataSource dataSource,
            TenantScopedTransactionManager transactionManager,
            IdempotencyProperties properties) {
        return new IdempotencyStore(
                JdbcClient.create(dataSource),
                new TransactionTemplate(transactionManager),
                properties.expireAfter(),
                properties.inFlightTimeout());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
        return new IdempotencyCleanup(store, properties.cleanupInterval());
    }
}
