package org.cfpflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client address, say): {@code limit} events at once, refilled at {@code limit} per
 * window. Unlike fixed windows it has no boundary at which a burst of twice the limit gets through.
 */
public final class RateLimiter {

    private final double capacity;
    private final double perMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.capacity = limit;
        this.perMilli = (double) limit / window.toMillis();
        this.clock = clock;
    }

    private record Bucket(double tokens, long at) {
    }

    /** Takes one token; false when the key has none left. */
    public boolean tryAcquire(String key) {
        boolean[] granted = new boolean[1];
        buckets.compute(key, (k, bucket) -> {
            Bucket now = refilled(bucket);
            granted[0] = now.tokens() >= 1;
            return granted[0] ? new Bucket(now.tokens() - 1, now.at()) : now;
        });
        return granted[0];
    }

    /** Whether the key has no token left now, without taking one. */
    public boolean isExhausted(String key) {
        return refilled(buckets.get(key)).tokens() < 1;
    }

    /** Seconds until the key has a token again. */
    public long retryAfterSeconds(String key) {
        double missing = 1 - refilled(buckets.get(key)).tokens();
        return missing <= 0 ? 0 : Math.max(1, (long) Math.ceil(missing / perMilli / 1000));
    }

    private Bucket refilled(Bucket bucket) {
        long now = clock.millis();
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> b.tokens() + (now - b.at()) * perMilli >= capacity);
        }
        return bucket == null ? new Bucket(capacity, now)
                : new Bucket(Math.min(capacity, bucket.tokens() + (now - bucket.at()) * perMilli), now);
    }
}
