package se.samlyft.reporting.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samlyft.reporting.projection.Pseudonyms;
import se.samlyft.reporting.report.SmallCounts;

/** The domain's settings as beans, and the service's clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfiguration {

    @Bean
    Pseudonyms pseudonyms(ReportingProperties properties) {
        return new Pseudonyms(properties.pseudonymKey());
    }

    @Bean
    SmallCounts smallCounts(ReportingProperties properties) {
        return new SmallCounts(properties.smallCountThreshold());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
