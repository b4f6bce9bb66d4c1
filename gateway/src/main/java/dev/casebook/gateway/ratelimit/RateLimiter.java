package dev.casebook.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.casebook.gateway.config.GatewayConfig;

import java.time.Duration;

/**
 * The buckets of all callers, in bounded memory: a bucket unused for as long as it takes to fill up is
 * dropped, which changes nothing since a new one starts full; beyond {@code max-callers} the least
 * recently used go first.
 */
final class RateLimiter {

    private final int capacity;
    private final double refillPerSecond;
    private final Ticker ticker;
    private final Cache<String, TokenBucket> buckets;

    RateLimiter(int capacity, double refillPerSecond, long maxCallers, Ticker ticker) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(maxCallers)
                .expireAfterAccess(timeToFill(capacity, refillPerSecond))
                .build();
    }

    RateLimiter(GatewayConfig.RateLimit config, Ticker ticker) {
        this(config.capacity(), config.refillPerSecond(), config.maxCallers(), ticker);
    }

    TokenBucket.Decision take(String caller) {
        long now = ticker.read();
        return buckets.get(caller, ignored -> new TokenBucket(capacity, refillPerSecond, now)).take(now);
    }

    long callers() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static Duration timeToFill(int capacity, double refillPerSecond) {
        long millis = (long) Math.ceil(capacity * 1000d / refillPerSecond);
        return Duration.ofMillis(Math.max(1000, millis));
    }
}
