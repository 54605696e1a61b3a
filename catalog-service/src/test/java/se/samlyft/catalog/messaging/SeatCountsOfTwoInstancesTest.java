package se.samlyft.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samlyft.catalog.AgainstTheCatalog;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of catalog-service consume enrolment events from different partitions at once, each a poll in one
 * transaction. When their polls change the same two offerings' seat counts in opposite orders, both commit and every
 * seat counts once: neither waits for a row the other holds.
 */
class SeatCountsOfTwoInstancesTest extends AgainstTheCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWNER = "storuman";

    @Autowired
    private ConsumedEvents consumedEvents;

    @Autowired
    private Inbox inbox;

    @Test
    void twoPollsThatTakeSeatsOfTheSameOfferingsInOppositeOrdersBothCommit() throws Exception {
        UUID first = offering();
        UUID second = offering();
        List<ConsumerRecord<String, String>> ofOneInstance = List.of(confirmed(first, 0), confirmed(second, 0));
        List<ConsumerRecord<String, String>> ofTheOther = List.of(confirmed(second, 1), confirmed(first, 1));
        CyclicBarrier bothHaveAppliedTheirFirstEvent = new CyclicBarrier(2);
        Set<Object> arrived = ConcurrentHashMap.newKeySet();

        List<Future<?>> polls = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            for (List<ConsumerRecord<String, String>> poll : List.of(ofOneInstance, ofTheOther)) {
                polls.add(instances.submit(() -> inbox.handlePoll(poll, record -> {
                    consumedEvents.onEnrolmentEvent(record);
                    if (record == poll.getFirst() && arrived.add(poll)) {
                        await(bothHaveAppliedTheirFirstEvent);
                    }
                })));
            }
            for (Future<?> poll : polls) {
                poll.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(seatsTaken(first)).isEqualTo(2);
        assertThat(seatsTaken(second)).isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other poll did not reach its second event", e);
        }
    }

    private UUID offering() {
        String coordinator = coordinatorOf(OWNER);
        String courseId = publishedCourseOf(api, coordinator, "Lågaffektivt bemötande " + UUID.randomUUID());
        TestHttp.Response scheduled = api.post(
                "/api/catalog/offerings", coordinator, hostterminen(courseId).toString());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        return UUID.fromString(scheduled.json().path("id").asString());
    }

    private int seatsTaken(UUID offering) {
        return api.get("/api/catalog/offerings/" + offering, coordinatorOf(OWNER))
                .json()
                .path("seatsTaken")
                .asInt();
    }

    /** An enrolment's first event, CONFIRMED, as it comes from partition {@code partition} of the topic. */
    private static ConsumerRecord<String, String> confirmed(UUID offering, int partition) {
        UUID enrolment = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode()
                .put("enrolmentId", enrolment.toString())
                .put("version", 1)
                .put("personId", UUID.randomUUID().toString())
                .put("organisation", OWNER)
                .put("offeringId", offering.toString())
                .put("courseId", UUID.randomUUID().toString())
                .put("offeringOwner", OWNER)
                .put("state", "CONFIRMED")
                .put("occurredAt", Instant.now().toString());
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                ConsumedEvents.ENROLMENT_TOPIC, partition, 0, enrolment.toString(), data.toString());
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes("/samlyft/enrolment-service"))
                .add("ce_type", bytes("se.samlyft.enrolment.enrolment-confirmed.v1"))
                .add("ce_tenantid", bytes(OWNER))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
