package se.samlyft.testsupport;

import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The Kafka broker of a test JVM: a real KRaft broker running inside the JVM, started once. */
public final class TestKafka {

    private static @Nullable EmbeddedKafkaKraftBroker broker;

    private TestKafka() {}

    /** The bootstrap servers of the broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(0);
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
