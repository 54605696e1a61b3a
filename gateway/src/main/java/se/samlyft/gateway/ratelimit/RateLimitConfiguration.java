package se.samlyft.gateway.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samlyft.gateway.GatewayProperties;

/** The rate limits, with buckets in memory unless a {@link RateLimitBuckets} bean shares them between replicas. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(GatewayProperties properties, ObjectProvider<RateLimitBuckets> shared) {
        return new RateLimits(properties.rateLimit(), shared.getIfAvailable(LocalRateLimitBuckets::new));
    }
}
