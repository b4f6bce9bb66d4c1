package dev.casebook.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketAllowsItsCapacityAtOnceAndThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertEquals(new TokenBucket.Decision(true, 3, 2, 1, 0), bucket.take(0));
        assertEquals(new TokenBucket.Decision(true, 3, 1, 2, 0), bucket.take(0));
        assertEquals(new TokenBucket.Decision(true, 3, 0, 3, 0), bucket.take(0));
        assertEquals(new TokenBucket.Decision(false, 3, 0, 3, 1), bucket.take(0));
    }

    @Test
    void tokensComeBackAtTheRefillRateButNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(2, 4, 0); // one token every 250 ms
        bucket.take(0);
        bucket.take(0);
        assertFalse(bucket.take(SECOND / 8).allowed(), "half a token after 125 ms");
        assertTrue(bucket.take(SECOND / 4).allowed(), "one token after 250 ms");
        TokenBucket.Decision afterAWhile = bucket.take(100 * SECOND);
        assertEquals(1, afterAWhile.remaining(), "a full bucket of 2 after a long pause, less this request");
    }

    @Test
    void aRefusalSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(1, 0.2, 0); // one token every 5 s
        bucket.take(0);
        assertEquals(5, bucket.take(0).retryAfter());
        assertEquals(3, bucket.take(2 * SECOND).retryAfter());
        assertEquals(1, bucket.take(4 * SECOND + SECOND / 2).retryAfter(), "never less than a second");
    }

    @Test
    void concurrentCallersNeverGetMoreThanThereIs() throws Exception {
        TokenBucket bucket = new TokenBucket(1000, 0.000001, 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                callers.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 500; i++) {
                        allowed += bucket.take(0).allowed() ? 1 : 0;
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : threads.invokeAll(callers)) {
                allowed += result.get();
            }
            assertEquals(1000, allowed);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theLimiterKeepsABucketPerCallerAndForgetsIdleOnesOnceTheyWouldBeFull() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 1, 1000, now::get);
        limiter.take("user:a");
        limiter.take("user:a");
        assertFalse(limiter.take("user:a").allowed());
        assertTrue(limiter.take("user:b").allowed(), "another caller");
        assertEquals(2, limiter.callers());

        now.addAndGet(3 * SECOND); // both would be full again by now
        assertEquals(0, limiter.callers());
        assertEquals(1, limiter.take("user:a").remaining(), "a fresh, full bucket less this request");
    }

    @Test
    void theLimiterKeepsNoMoreThanMaxCallersBuckets() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(5, 1, 100, now::get);
        for (int i = 0; i < 10_000; i++) {
            limiter.take("address:10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(limiter.callers() <= 100, "buckets kept: " + limiter.callers());
    }
}
