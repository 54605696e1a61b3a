package se.samlyft.enrolment.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import se.samlyft.enrolment.enrolment.Seats;

/** The service's clock, and the sweep that expires approval holds and releases quotas on time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnrolmentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty(name = "samlyft.enrolment.sweep.enabled", havingValue = "true", matchIfMissing = true)
    SeatSweep seatSweep(Seats seats, Clock clock) {
        return new SeatSweep(seats, clock);
    }

    /**
     * Every {@code samlyft.enrolment.sweep.interval} (a minute unless set): declines requests whose approval hold ran
     * out and promotes from the waiting lists of offerings whose quotas are released. Safe to run on every replica at
     * once: each offering's seats are swept under its lock, and a swept offering is not due again.
     */
    static class SeatSweep {

        private final Seats seats;
        private final Clock clock;

        SeatSweep(Seats seats, Clock clock) {
            this.seats = seats;
            this.clock = clock;
        }

        @Scheduled(
                fixedDelayString = "${samlyft.enrolment.sweep.interval:PT1M}",
                initialDelayString = "${samlyft.enrolment.sweep.interval:PT1M}")
        void sweep() {
            seats.sweep(clock.instant());
        }
    }
}
