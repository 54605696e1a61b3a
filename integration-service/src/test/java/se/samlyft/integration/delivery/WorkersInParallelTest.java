package se.samlyft.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samlyft.integration.AgainstIntegration;
import se.samlyft.integration.fixture.Event;
import se.samlyft.integration.fixture.Events;
import se.samlyft.integration.fixture.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * Workers of several replicas coordinate through the database alone: a second worker beside the service's own, each
 * claiming small batches, deliver every event once, and each enrolment's events in order.
 */
class WorkersInParallelTest extends AgainstIntegration {

    @Autowired
    Deliveries deliveries;

    @Autowired
    WebhookSender sender;

    @Autowired
    RetrySchedule schedule;

    @Test
    void twoWorkersDeliverEveryEventOnceAndEachAggregateInOrder() {
        String pitea = tenant("pitea");
        String path = "/" + pitea;
        subscribe(integratorOf(pitea), path, "se.samlyft.enrolment.*");
        DeliveryWorker second = new DeliveryWorker(
                deliveries, sender, schedule, Clock.systemUTC(), 8, 3, Duration.ofMillis(20), Duration.ofMinutes(2));
        second.start();
        try {
            List<Event> events = new ArrayList<>();
            for (int person = 0; person < 10; person++) {
                Events.Enrolment enrolment = Events.enrolment(pitea, pitea);
                events.add(enrolment.requested());
                events.add(enrolment.confirmed(2));
                events.add(enrolment.started(3));
                for (int module = 1; module <= 5; module++) {
                    events.add(enrolment.progress(3 + module, module));
                }
            }
            EVENTS.send(events.toArray(Event[]::new));

            List<Receiver.Received> received =
                    eventually(() -> RECEIVER.received(path), got -> got.size() >= events.size());

            assertThat(received).hasSize(events.size());
            assertThat(new HashSet<>(
                            received.stream().map(Receiver.Received::webhookId).toList()))
                    .hasSize(events.size());
            Map<String, List<Integer>> versions = new TreeMap<>();
            for (Receiver.Received request : received) {
                JsonNode data = JSON.readTree(request.body()).path("data");
                versions.computeIfAbsent(data.path("enrolmentId").asString(), key -> new ArrayList<>())
                        .add(data.path("version").asInt());
            }
            assertThat(versions).hasSize(10);
            versions.values().forEach(seen -> assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8));
        } finally {
            second.stop();
        }
    }
}
