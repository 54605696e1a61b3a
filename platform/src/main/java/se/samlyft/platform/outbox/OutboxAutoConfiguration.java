package se.samlyft.platform.outbox;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.samlyft.contracts.EventContracts;

/**
 * Gives a service with a database its {@link Outbox}, and, when it has Kafka too, the {@link OutboxRelay} that
 * publishes it, with its meters. {@code samlyft.outbox.relay.enabled=false} switches the relay off.
 */
@AutoConfiguration(
        afterName = {
            "se.samlyft.platform.config.JdbcAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@ConditionalOnClass({JdbcTemplate.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventContracts eventContracts() {
        return EventContracts.load();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    Outbox outbox(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            OutboxProperties properties,
            Environment environment,
            ObjectProvider<Clock> clock,
            EventContracts contracts) {
        String source = properties.source() != null
                ? properties.source()
                : "/samlyft/" + environment.getProperty("spring.application.name", "application");
        return new Outbox(dataSource, transactions, source, clock.getIfAvailable(Clock::systemUTC), contracts);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    @ConditionalOnBean(KafkaProperties.class)
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    @ConditionalOnBooleanProperty(name = "samlyft.outbox.relay.enabled", matchIfMissing = true)
    static class Relay {

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(
                DataSource dataSource,
                PlatformTransactionManager transactions,
                KafkaProperties kafka,
                OutboxProperties properties,
                ObjectProvider<Clock> clock) {
            return new OutboxRelay(
                    dataSource,
                    transactions,
                    kafka.buildProducerProperties(),
                    properties.relay(),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
        OutboxMetrics outboxMetrics(OutboxRelay relay) {
            return new OutboxMetrics(relay);
        }
    }
}
