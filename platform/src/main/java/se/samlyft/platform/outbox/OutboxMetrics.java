package se.samlyft.platform.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * The relay's meters: events published, failed sends, events waiting, and how long the oldest has waited (the lag
 * an alert should watch: it grows while Kafka is down or an event is refused).
 */
class OutboxMetrics implements MeterBinder {

    private final OutboxRelay relay;

    OutboxMetrics(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("samlyft.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Events the broker acknowledged and the outbox gave up")
                .baseUnit("events")
                .register(registry);
        FunctionCounter.builder("samlyft.outbox.send.failures", relay, OutboxRelay::failedSendCount)
                .description("Sends that failed or timed out; their events stayed in the outbox")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("samlyft.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Events waiting in the outbox at the last poll")
                .baseUnit("events")
                .register(registry);
        TimeGauge.builder(
                        "samlyft.outbox.lag",
                        relay,
                        TimeUnit.MILLISECONDS,
                        r -> r.lag().toMillis())
                .description("How long the oldest event in the outbox has waited")
                .register(registry);
    }
}
