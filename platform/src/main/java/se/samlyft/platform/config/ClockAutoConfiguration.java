package se.samlyft.platform.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service, in UTC: every decision's time (an event's, an audit record's, today's date in
 * Sweden) comes from it, constructor-injected, so that a test can set the time. A service or test that defines its own
 * {@code Clock} bean replaces it.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
