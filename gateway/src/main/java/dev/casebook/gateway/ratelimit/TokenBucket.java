package dev.casebook.gateway.ratelimit;

/**
 * One caller's allowance: holds up to {@code capacity} tokens, refills continuously at
 * {@code refillPerSecond}, and every request takes one. Thread-safe; time comes from the caller so that
 * tests can move it.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final int capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double refillPerSecond, long now) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one; says either way what is left and when to come back. */
    synchronized Decision take(long now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = seconds((capacity - tokens) / refillPerNano);
        long untilNext = allowed ? 0 : Math.max(1, seconds((1 - tokens) / refillPerNano));
        return new Decision(allowed, capacity, (int) Math.floor(tokens), untilFull, untilNext);
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            updatedAt = now;
        }
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / NANOS_PER_SECOND);
    }

    /**
     * @param limit      the bucket's capacity ({@code RateLimit-Limit})
     * @param remaining  whole tokens left after this request ({@code RateLimit-Remaining})
     * @param resetAfter seconds until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfter for a refused request, seconds until the next token ({@code Retry-After}); else 0
     */
    record Decision(boolean allowed, int limit, int remaining, long resetAfter, long retryAfter) {
    }
}
