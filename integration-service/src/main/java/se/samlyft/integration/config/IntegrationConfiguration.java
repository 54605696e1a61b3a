package se.samlyft.integration.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.samlyft.contracts.EventContracts;
import se.samlyft.integration.delivery.Deliveries;
import se.samlyft.integration.delivery.DeliveryWorker;
import se.samlyft.integration.delivery.RetrySchedule;
import se.samlyft.integration.delivery.WebhookSender;
import se.samlyft.integration.delivery.http.HttpWebhookSender;
import se.samlyft.integration.subscription.HostResolver;
import se.samlyft.integration.subscription.SecretCipher;
import se.samlyft.integration.subscription.SubscriptionDesk;
import se.samlyft.integration.subscription.Subscriptions;
import se.samlyft.integration.subscription.TargetPolicy;

/** The domain types as beans and the delivery worker, started once the service is up (the clock is the platform's). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
@EnableScheduling
class IntegrationConfiguration {

    /** The key of the local platform's configuration, which production must replace. */
    static final String LOCAL_SECRET_KEY = "samlyft-local-webhook-secret-key";

    @Bean
    SecretCipher secretCipher(IntegrationProperties properties) {
        return new SecretCipher(properties.secretKey());
    }

    /**
     * In production, refuses to start with the local platform's secret key, or with webhooks allowed to this machine.
     */
    @Bean
    @Profile("production")
    InitializingBean productionSettings(IntegrationProperties properties) {
        return () -> requireProductionSettings(properties);
    }

    static void requireProductionSettings(IntegrationProperties properties) {
        if (LOCAL_SECRET_KEY.equals(properties.secretKey())) {
            throw new IllegalStateException("samlyft.integration.secret-key is the local platform's development key;"
                    + " set SAMLYFT_INTEGRATION_SECRET_KEY to a secret of at least 16 characters");
        }
        if (properties.targets().allowLoopback()) {
            throw new IllegalStateException(
                    "samlyft.integration.targets.allow-loopback is for the local platform, never production");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    TargetPolicy targetPolicy(HostResolver resolver, IntegrationProperties properties) {
        IntegrationProperties.Targets targets = properties.targets();
        return new TargetPolicy(resolver, targets.allowLoopback(), new HashSet<>(targets.loopbackPorts()));
    }

    @Bean
    SubscriptionDesk subscriptionDesk(
            Subscriptions subscriptions,
            TargetPolicy targets,
            EventContracts contracts,
            Clock clock,
            IntegrationProperties properties) {
        return new SubscriptionDesk(
                subscriptions,
                targets,
                contracts.types(),
                clock,
                properties.delivery().secretOverlap());
    }

    @Bean
    RetrySchedule retrySchedule(IntegrationProperties properties) {
        IntegrationProperties.Retry retry = properties.delivery().retry();
        return new RetrySchedule(retry.initialDelay(), retry.maxDelay(), retry.period(), RandomGenerator.getDefault());
    }

    @Bean
    @ConditionalOnMissingBean(WebhookSender.class)
    HttpWebhookSender webhookSender(TargetPolicy targets, IntegrationProperties properties, Clock clock) {
        IntegrationProperties.Delivery delivery = properties.delivery();
        return new HttpWebhookSender(
                targets, delivery.connectTimeout(), delivery.responseTimeout(), delivery.maxInFlight(), clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "samlyft.integration.delivery.enabled", matchIfMissing = true)
    DeliveryWorker deliveryWorker(
            Deliveries deliveries,
            WebhookSender sender,
            RetrySchedule schedule,
            Clock clock,
            IntegrationProperties properties) {
        IntegrationProperties.Delivery delivery = properties.delivery();
        return new DeliveryWorker(
                deliveries,
                sender,
                schedule,
                clock,
                delivery.maxInFlight(),
                delivery.batchSize(),
                delivery.pollInterval(),
                delivery.lease());
    }

    /** Starts the delivery worker once everything else has started, and stops it first. */
    @Bean
    @ConditionalOnBooleanProperty(name = "samlyft.integration.delivery.enabled", matchIfMissing = true)
    SmartLifecycle deliveryWorkerLifecycle(DeliveryWorker worker) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                worker.start();
            }

            @Override
            public void stop() {
                worker.stop();
            }

            @Override
            public boolean isRunning() {
                return worker.isRunning();
            }
        };
    }
}
