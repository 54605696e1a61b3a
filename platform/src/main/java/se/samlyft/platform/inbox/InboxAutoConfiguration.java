package se.samlyft.platform.inbox;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Idempotent consumers for every service that has a database and Kafka: an {@link Inbox}, and an error handler that
 * Spring Boot puts on its {@code @KafkaListener} container factory (Boot takes a single {@link CommonErrorHandler}
 * bean), which retries a failed record with back-off and then sends it to its {@link DeadLetterTopics dead-letter
 * topic}. Offsets are committed by the container after the records of each poll (Boot's default ack mode, BATCH);
 * a record applied but not yet committed when a consumer stops is delivered again, and the inbox skips it. A new
 * consumer group starts at the earliest offset, so a service's first start misses no event, unless the service sets
 * {@code spring.kafka.consumer.auto-offset-reset} itself.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "se.samlyft.platform.config.JdbcAutoConfiguration"
        })
@ConditionalOnClass({DefaultErrorHandler.class, DefaultKafkaConsumerFactoryCustomizer.class, JdbcOperations.class})
@EnableConfigurationProperties(ConsumerProperties.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(JdbcOperations.class)
    Inbox inbox(JdbcOperations jdbc, PlatformTransactionManager transactionManager) {
        return new Inbox(jdbc, transactionManager);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer earliestOffsetForNewConsumerGroups() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
        };
    }

    /** The dead-letter topics and the error handler, published with a producer configured like the service's. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(ProducerFactory.class)
    static class DeadLetters {

        @Bean
        @ConditionalOnMissingBean
        DeadLetterTopics deadLetterTopics(ProducerFactory<?, ?> producers, ConsumerProperties properties) {
            return new DeadLetterTopics(producers, properties.deadLetterSuffix());
        }

        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DefaultErrorHandler consumerErrorHandler(DeadLetterTopics deadLetterTopics, ConsumerProperties properties) {
            ConsumerProperties.Retry retry = properties.retry();
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
            backOff.setInitialInterval(retry.initialInterval().toMillis());
            backOff.setMultiplier(retry.multiplier());
            backOff.setMaxInterval(retry.maxInterval().toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterTopics.recoverer(), backOff);
            handler.addNotRetryableExceptions(MalformedEventException.class);
            properties.notRetryable().forEach(handler::addNotRetryableExceptions);
            handler.setCommitRecovered(true);
            handler.setRetryListeners(new FailureLog(deadLetterTopics));
            return handler;
        }
    }
}
