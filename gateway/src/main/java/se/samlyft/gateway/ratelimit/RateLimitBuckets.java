package se.samlyft.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the gateway keeps its rate-limit buckets. The default keeps them in this process's memory, so each replica
 * counts on its own; a bean of this type backed by a Bucket4j {@code ProxyManager} (PostgreSQL, Redis, Hazelcast)
 * makes all replicas share one count.
 */
@FunctionalInterface
public interface RateLimitBuckets {

    /** The bucket of {@code key}, created with {@code configuration} when it does not exist yet. */
    Bucket bucket(String key, BucketConfiguration configuration);
}
