package org.cfpflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong millis = new AtomicLong(Instant.parse("2017-09-13T09:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void aKeyGetsItsLimitThenWaitsForTheRefill() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        }
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
        assertThat(limiter.isExhausted("203.0.113.7")).isTrue();
        assertThat(limiter.retryAfterSeconds("203.0.113.7")).isEqualTo(20);
        assertThat(limiter.tryAcquire("203.0.113.8")).as("another key is not affected").isTrue();
        millis.addAndGet(20_000);
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
    }

    @Test
    void aKeyUntouchedForAWindowIsForgottenAsAFullBucketWouldBe() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);
        limiter.tryAcquire("203.0.113.7");
        assertThat(limiter.keys()).isEqualTo(1);
        millis.addAndGet(Duration.ofMinutes(1).toMillis() + 1);
        assertThat(limiter.keys()).isZero();
    }

    /** Many distinct addresses at once: no exception, no deadlock, and never more keys than the bound. */
    @Test
    void twoHundredThousandAddressesFromParallelThreadsStayBounded() throws Exception {
        RateLimiter limiter = new RateLimiter(30, Duration.ofMinutes(1), clock, 10_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            granted.add(threads.submit(() -> {
                int count = 0;
                for (int i = 0; i < 25_000; i++) {
                    int n = thread * 25_000 + i;
                    if (limiter.tryAcquire("2001:db8:" + Integer.toHexString(n >> 16) + ":" + Integer.toHexString(n & 0xffff)
                            + "::/64")) {
                        count++;
                    }
                    limiter.isExhausted("198.51.100." + (n & 0xff));
                }
                return count;
            }));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("no deadlock").isTrue();
        int total = 0;
        for (Future<Integer> future : granted) {
            total += future.get();
        }
        assertThat(total).as("each new address has a full bucket").isEqualTo(200_000);
        assertThat(limiter.keys()).isLessThanOrEqualTo(10_000);
    }
}
