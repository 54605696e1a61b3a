package se.samlyft.reporting.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samlyft.reporting.projection.Pseudonyms;
import se.samlyft.reporting.report.SmallCounts;

/** The domain's settings as beans (the clock is the platform's). */
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
}
