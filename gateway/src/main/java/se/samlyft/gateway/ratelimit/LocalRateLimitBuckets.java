package se.samlyft.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Buckets in this process's memory. There is one per tenant and one per client of a tenant, both taken from validated
 * tokens, so their number is bounded by the realm's organisations and clients.
 */
public final class LocalRateLimitBuckets implements RateLimitBuckets {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, unused -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }
}
