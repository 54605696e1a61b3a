package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.config.JdbcAutoConfiguration;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.TestKafka;

/** What a service gets from the platform: an outbox on its database and a relay that publishes on its own. */
class OutboxAutoConfigurationTest {

    private static final TenantId STORUMAN = TenantId.of("storuman");

    private static OutboxDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = OutboxDatabase.create("outbox_wiring");
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    private ApplicationContextRunner service() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        JdbcAutoConfiguration.class,
                        KafkaAutoConfiguration.class,
                        OutboxAutoConfiguration.class))
                .withPropertyValues(
                        "spring.application.name=catalog-service",
                        "spring.datasource.url=" + db.database.jdbcUrl(),
                        "spring.datasource.username=" + db.database.appUser(),
                        "spring.datasource.password=" + db.database.appPassword(),
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "samlyft.outbox.relay.poll-interval=50ms");
    }

    @Test
    void aServiceAppendsInItsTransactionAndItsRelayPublishesOnItsOwnWithMeters() {
        String topic = new EventTopics(TestKafka.bootstrapServers()).create();
        EventTopics topics = new EventTopics(TestKafka.bootstrapServers());
        UUID course = UUID.randomUUID();

        service().run(context -> {
            assertThat(context).hasSingleBean(Outbox.class).hasSingleBean(OutboxRelay.class);
            assertThat(context.getBean(OutboxRelay.class).isRunning()).isTrue();
            MeterRegistry meters = new SimpleMeterRegistry();
            context.getBean(OutboxMetrics.class).bindTo(meters);
            Outbox outbox = context.getBean(Outbox.class);
            TransactionTemplate transaction =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            TenantContext.runAs(
                    TenantScope.of(STORUMAN),
                    () -> transaction.executeWithoutResult(status -> outbox.append(OutboxEvent.of(
                            topic,
                            TransactionalOutboxTest.COURSE_PUBLISHED,
                            course.toString(),
                            STORUMAN,
                            TransactionalOutboxTest.coursePublished(course, STORUMAN, 1, "Språkombud i Storuman")))));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (topics.readAll(topic).isEmpty() && System.nanoTime() < deadline) {
                TransactionalOutboxTest.pause(Duration.ofMillis(50));
            }
            List<String> sources = topics.readAll(topic).stream()
                    .map(record -> EventTopics.header(record, "ce_source"))
                    .toList();
            assertThat(sources).containsExactly("/samlyft/catalog-service");
            assertThat(meters.get("samlyft.outbox.published").functionCounter().count())
                    .isEqualTo(1);
            assertThat(meters.get("samlyft.outbox.pending").gauge().value()).isZero();
            assertThat(meters.get("samlyft.outbox.lag").timeGauge()).isNotNull();
        });
    }

    @Test
    void theRelayCanBeSwitchedOffWhileTheOutboxStays() {
        service()
                .withPropertyValues("samlyft.outbox.relay.enabled=false")
                .run(context -> assertThat(context)
                        .hasSingleBean(Outbox.class)
                        .doesNotHaveBean(OutboxRelay.class)
                        .doesNotHaveBean(OutboxMetrics.class));
    }

    @Test
    void aProcessWithoutADatabaseGetsNoOutbox() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
                .run(context ->
                        assertThat(context).doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxRelay.class));
    }
}
