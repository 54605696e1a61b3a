package se.samlyft.enrolment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.messaging.Upstream;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestKafka;
import tools.jackson.databind.node.ObjectNode;

/** The local copies of offerings and people, built from the catalog's and identity's records on the real broker. */
class CopiesFromEventsTest extends AgainstEnrolment {

    @Autowired
    private TestDatabase database;

    @Test
    void anOfferingAndAPersonPublishedOnKafkaCanBeEnrolledOn() throws Exception {
        UUID course = UUID.randomUUID();
        OfferingSpec spec = new OfferingSpec(course);
        spec.audience = java.util.List.of("storuman");
        UUID person = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record(
                            "samlyft.catalog.events",
                            "se.samlyft.catalog.offering-scheduled.v1",
                            Upstream.FEDERATION,
                            spec.id,
                            Upstream.offeringData(spec, "scheduledAt")))
                    .get();
            producer.send(record(
                            "samlyft.identity.events",
                            "se.samlyft.identity.person-registered.v1",
                            "storuman",
                            person,
                            Upstream.personData(person, "storuman", null, 1)))
                    .get();
        }

        TestHttp.Response enrolled = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            enrolled = api.enrol(participant("storuman", person), spec.id);
            if (enrolled.status() != 404) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(enrolled).isNotNull();
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.json().path("state").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anOlderVersionOfAnOfferingArrivingLateChangesNothing() {
        OfferingSpec spec = new OfferingSpec(upstream.course("CLASSROOM", 3));
        upstream.schedule(spec);
        spec.capacity = 30;
        upstream.change(spec);
        spec.capacity = 20;
        spec.version = 1;
        upstream.change(spec);

        Integer capacity = new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select capacity from offering where id = ?", Integer.class, spec.id);
        assertThat(capacity).isEqualTo(30);
    }

    private static ProducerRecord<String, String> record(
            String topic, String type, String tenant, UUID key, ObjectNode data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), data.toString());
        record.headers()
                .add("ce_specversion", "1.0".getBytes(UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8))
                .add("ce_source", ("/samlyft/" + topic.split("\\.")[1] + "-service").getBytes(UTF_8))
                .add("ce_type", type.getBytes(UTF_8))
                .add("ce_subject", key.toString().getBytes(UTF_8))
                .add(
                        "ce_time",
                        Instant.now().minus(Duration.ofSeconds(1)).toString().getBytes(UTF_8))
                .add("ce_dataschema", ("urn:samlyft:schema:" + type).getBytes(UTF_8))
                .add("ce_tenantid", tenant.getBytes(UTF_8))
                .add("content-type", "application/json".getBytes(UTF_8));
        return record;
    }
}
