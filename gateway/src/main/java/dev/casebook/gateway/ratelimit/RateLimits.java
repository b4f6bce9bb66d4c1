package dev.casebook.gateway.ratelimit;

import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.micrometer.core.instrument.Counter;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.security.Caller;
import dev.casebook.platform.problem.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every API request against its caller's bucket, before the gateway decides on its token (so
 * guessing tokens is limited too) and before any service sees it. Each answer says where the caller
 * stands ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, in seconds); an empty bucket is a
 * 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final boolean enabled;
    private final RateLimiter limiter;
    private final Refusals refusals;
    private final CasebookMeters meters;

    public RateLimits(GatewayConfig config, Refusals refusals, CasebookMeters meters) {
        this.meters = meters;
        this.enabled = config.rateLimit().enabled();
        this.limiter = new RateLimiter(config.rateLimit(), Ticker.systemTicker());
        this.refusals = refusals;
    }

    /**
     * The handler for one route: one bucket per caller across all routes, and refusals counted per route
     * ({@code casebook.gateway.rate.limited}), a bounded tag; the caller is never a tag.
     */
    public Handler<RoutingContext> forRoute(String route) {
        Counter refused = meters.counter(MeterNames.GATEWAY_RATE_LIMITED, "route", route);
        return ctx -> handle(ctx, refused);
    }

    private void handle(RoutingContext ctx, Counter refused) {
        if (!enabled) {
            ctx.next();
            return;
        }
        TokenBucket.Decision decision = limiter.take(Caller.of(ctx).rateLimitKey());
        ctx.response().headers()
                .set(LIMIT, Integer.toString(decision.limit()))
                .set(REMAINING, Integer.toString(decision.remaining()))
                .set(RESET, Long.toString(decision.resetAfter()));
        if (decision.allowed()) {
            ctx.next();
        } else {
            refused.increment();
            refusals.send(ctx, new ProblemException(429, "Too many requests; try again in " + decision.retryAfter() + " s")
                    .withHeader("Retry-After", Long.toString(decision.retryAfter())));
        }
    }

    /** The headers this gateway owns: a service's own copies are dropped from its answers. */
    public static boolean isRateLimitHeader(String name) {
        return name.regionMatches(true, 0, "RateLimit", 0, "RateLimit".length());
    }
}
