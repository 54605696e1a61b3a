package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

class InboxAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, InboxAutoConfiguration.class))
            .withPropertyValues(
                    "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.application.name=catalog-service");

    @Test
    void putsThePlatformsErrorHandlerOnBootsListenerContainerFactory() {
        service.run(context -> {
            assertThat(context).hasSingleBean(DefaultErrorHandler.class).hasSingleBean(DeadLetterTopics.class);
            assertThat(errorHandlerOf(context.getBean(ConcurrentKafkaListenerContainerFactory.class)))
                    .isSameAs(context.getBean(DefaultErrorHandler.class));
            assertThat(context.getBean(DeadLetterTopics.class).topic())
                    .as("one dead-letter topic per consuming service")
                    .isEqualTo("samlyft.catalog.dlt");
        });
    }

    @Test
    void namesTheDeadLetterTopicAsConfigured() {
        service.withPropertyValues("samlyft.consumer.dead-letter-topic=samlyft.katalog.dlt")
                .run(context -> assertThat(
                                context.getBean(DeadLetterTopics.class).topic())
                        .isEqualTo("samlyft.katalog.dlt"));
    }

    @Test
    void leavesAServicesOwnErrorHandlerInPlace() {
        service.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DefaultErrorHandler.class);
                    assertThat(errorHandlerOf(context.getBean(ConcurrentKafkaListenerContainerFactory.class)))
                            .isInstanceOf(CommonLoggingErrorHandler.class);
                });
    }

    @Test
    void startsANewConsumerGroupAtTheEarliestOffsetUnlessTheServiceChoosesOtherwise() {
        service.run(context -> assertThat(offsetResetOf(context.getBean(ConsumerFactory.class)))
                .isEqualTo("earliest"));
        service.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest")
                .run(context -> assertThat(offsetResetOf(context.getBean(ConsumerFactory.class)))
                        .isEqualTo("latest"));
    }

    /** The error handler of a container that the factory makes, as it makes one for each {@code @KafkaListener}. */
    private static CommonErrorHandler errorHandlerOf(ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
        return factory.createContainer("samlyft.catalog.events").getCommonErrorHandler();
    }

    private static Object offsetResetOf(ConsumerFactory<?, ?> consumers) {
        return consumers.getConfigurationProperties().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    }
}
