package se.samlyft.platform.inbox;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Idempotent consumers for every service that has a database and Kafka: an {@link Inbox} that applies only the events
 * of each topic's producer, and an error handler that Spring Boot puts on its {@code @KafkaListener} container factory
 * (Boot takes a single {@link CommonErrorHandler} bean). The handler retries a record that met a {@link
 * TransientFailures transient failure} with back-off until it succeeds, pausing the listener's container between
 * attempts (the consumer keeps polling, so its group does not rebalance however long the outage lasts); it sends a
 * record that can never be applied to the service's {@link DeadLetterTopics dead-letter topic} at once, and one that
 * fails in another way after a few retries. Offsets are committed by the container after the records of each poll (Boot's default ack mode, BATCH);
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
    EventProducers eventProducers(ConsumerProperties properties) {
        return new EventProducers(properties.producers());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(JdbcOperations.class)
    Inbox inbox(JdbcOperations jdbc, PlatformTransactionManager transactionManager, EventProducers producers) {
        return new Inbox(jdbc, transactionManager, producers);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(JdbcOperations.class)
    ProcessedEventCleanup processedEventCleanup(
            JdbcOperations jdbc, PlatformTransactionManager transactionManager, ConsumerProperties properties) {
        return new ProcessedEventCleanup(
                jdbc, transactionManager, properties.processedRetention(), properties.cleanupInterval());
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
        DeadLetterTopics deadLetterTopics(
                ProducerFactory<?, ?> producers, ConsumerProperties properties, Environment environment) {
            String service = environment.getProperty("spring.application.name", "application");
            return new DeadLetterTopics(producers, properties.deadLetterTopicOf(service));
        }

        @Bean
        @ConditionalOnMissingBean
        DeadLetterReplay deadLetterReplay(
                ConsumerFactory<?, ?> consumers,
                ObjectProvider<KafkaListenerEndpointRegistry> registry,
                DeadLetterTopics deadLetterTopics,
                Environment environment) {
            String service = environment.getProperty("spring.application.name", "application");
            return new DeadLetterReplay(
                    consumers,
                    () -> registry.stream()
                            .flatMap(listeners -> listeners.getListenerContainers().stream())
                            .toList(),
                    deadLetterTopics,
                    service + ".dead-letter-replay");
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
        DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplay deadLetterReplay) {
            return new DeadLetterEndpoint(deadLetterReplay);
        }

        /** Resumes containers that the error handler paused for a back-off. */
        @Bean(destroyMethod = "shutdown")
        ThreadPoolTaskScheduler consumerBackOffScheduler() {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("samlyft-consumer-back-off-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            return scheduler;
        }

        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DefaultErrorHandler consumerErrorHandler(
                DeadLetterTopics deadLetterTopics,
                ConsumerProperties properties,
                ThreadPoolTaskScheduler consumerBackOffScheduler) {
            ConsumerProperties.Retry retry = properties.retry();
            ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
            bounded.setInitialInterval(retry.initialInterval().toMillis());
            bounded.setMultiplier(retry.multiplier());
            bounded.setMaxInterval(retry.maxInterval().toMillis());
            ExponentialBackOff unbounded =
                    new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
            unbounded.setMaxInterval(retry.maxInterval().toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(
                    deadLetterTopics.recoverer(),
                    bounded,
                    new ContainerPausingBackOffHandler(
                            new ListenerContainerPauseService(null, consumerBackOffScheduler)));
            handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? unbounded : null);
            handler.addNotRetryableExceptions(MalformedEventException.class);
            properties.notRetryable().forEach(handler::addNotRetryableExceptions);
            handler.setCommitRecovered(true);
            handler.setRetryListeners(new FailureLog(deadLetterTopics));
            return handler;
        }
    }
}
