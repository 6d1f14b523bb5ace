package org.cfpflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per key (a client address, say): {@code limit} events at once, refilled at {@code limit} per
 * window. Unlike fixed windows it has no boundary at which a burst of twice the limit gets through. The buckets are
 * a bounded Caffeine cache: a bucket untouched for a window is full again, so it expires then; past
 * {@code maxKeys} the least used go first, so that many addresses cost bounded memory and constant time.
 */
public final class RateLimiter {

    static final int DEFAULT_MAX_KEYS = 50_000;

    private final double capacity;
    private final double perMilli;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int limit, Duration window, Clock clock) {
        this(limit, window, clock, DEFAULT_MAX_KEYS);
    }

    RateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
        this.capacity = limit;
        this.perMilli = (double) limit / window.toMillis();
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(window)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    private record Bucket(double tokens, long at) {
    }

    /** Takes one token; false when the key has none left. */
    public boolean tryAcquire(String key) {
        boolean[] granted = new boolean[1];
        buckets.asMap().compute(key, (k, bucket) -> {
            Bucket now = refilled(bucket);
            granted[0] = now.tokens() >= 1;
            return granted[0] ? new Bucket(now.tokens() - 1, now.at()) : now;
        });
        return granted[0];
    }

    /** Whether the key has no token left now, without taking one. */
    public boolean isExhausted(String key) {
        return refilled(buckets.getIfPresent(key)).tokens() < 1;
    }

    /** Seconds until the key has a token again. */
    public long retryAfterSeconds(String key) {
        double missing = 1 - refilled(buckets.getIfPresent(key)).tokens();
        return missing <= 0 ? 0 : Math.max(1, (long) Math.ceil(missing / perMilli / 1000));
    }

    /** How many keys are held now (after pending evictions). */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket refilled(Bucket bucket) {
        long now = clock.millis();
        return bucket == null ? new Bucket(capacity, now)
                : new Bucket(Math.min(capacity, bucket.tokens() + (now - bucket.at()) * perMilli), now);
    }
}
