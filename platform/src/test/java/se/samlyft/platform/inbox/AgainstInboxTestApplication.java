package se.samlyft.platform.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.inbox.InboxTestApplication.CourseProjection;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestKafka;

/**
 * Runs the {@link InboxTestApplication} as a service against the test JVM's Kafka broker and a database of its own,
 * migrated by the owner role and used by the application role under row-level security. Retries wait milliseconds,
 * not seconds. The catalog writes the test topic, as far as the inbox knows. Test classes that extend it share one application.
 */
@ServiceIntegrationTest
@ContextConfiguration(classes = InboxTestApplication.class)
@TestPropertySource(
        properties = {
            "spring.application.name=inbox-test",
            "spring.flyway.locations=classpath:db/samlyft,classpath:db/inbox-test",
            "samlyft.outbox.relay.enabled=false",
            "samlyft.consumer.retry.initial-interval=20ms",
            "samlyft.consumer.retry.max-interval=100ms",
            "samlyft.consumer.retry.max-retries=2",
            "samlyft.consumer.not-retryable=se.samlyft.platform.inbox.InboxTestApplication$CourseRejected",
            "samlyft.consumer.producers[samlyft.inbox-test.events]=/samlyft/catalog-service"
        })
abstract class AgainstInboxTestApplication {

    static final String ARVIDSJAUR = "arvidsjaur";
    static final String MALA = "mala";

    @Autowired
    Effects effects;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    private TestDatabase database;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** Statements as the owning role, which row-level security does not hold. */
    JdbcTemplate owner;

    private static KafkaProducer<String, byte[]> producer;

    /** Sends the events in order to the test application's topic and returns the last. */
    static synchronized TestEvent send(TestEvent... events) {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        for (TestEvent event : events) {
            producer.send(event.toProducerRecord(InboxTestApplication.TOPIC));
        }
        producer.flush();
        return events[events.length - 1];
    }

    @BeforeEach
    void connectAsOwner() {
        owner = new JdbcTemplate(database.ownerDataSource());
    }

    int processedRows(String consumer, String eventId) {
        return owner.queryForObject(
                "select count(*) from samlyft.processed_event where consumer = ? and event_id = ?",
                Integer.class,
                consumer,
                eventId);
    }

    int processedRows(String eventId) {
        return processedRows(CourseProjection.CONSUMER, eventId);
    }

    String titleOf(UUID course) {
        return owner.queryForObject("select title from course_view where id = ?", String.class, course);
    }

    /** The titles of the course the application role sees in a transaction in the scope of {@code tenant}. */
    List<String> titlesSeenBy(String tenant, UUID course) {
        return inScopeOf(
                tenant, () -> jdbc.queryForList("select title from course_view where id = ?", String.class, course));
    }

    <T> T inScopeOf(String tenant, Supplier<T> work) {
        return TenantContext.callAs(
                TenantScope.of(TenantId.of(tenant)),
                () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }
}
