package se.samlyft.reporting.projection.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import se.samlyft.platform.inbox.InboundEvent;

/**
 * The read model's freshness: the time from an event's occurrence (its CloudEvents {@code time}) to its effect on the
 * current generation, committed. Exported as the timer {@code samlyft.reporting.freshness} with its p50, p95 and p99.
 */
@Component
class Freshness {

    static final String METRIC = "samlyft.reporting.freshness";

    private final Timer timer;
    private final Clock clock;

    Freshness(MeterRegistry registry, Clock clock) {
        this.timer = Timer.builder(METRIC)
                .description("From an event's occurrence to its effect on the reports")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry);
        this.clock = clock;
    }

    void applied(InboundEvent event) {
        Instant time = event.time();
        if (time != null) {
            Duration age = Duration.between(time, clock.instant());
            if (!age.isNegative()) {
                timer.record(age);
            }
        }
    }
}
