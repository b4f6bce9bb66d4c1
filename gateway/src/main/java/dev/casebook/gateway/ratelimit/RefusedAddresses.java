package dev.casebook.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.security.Caller;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import dev.casebook.platform.problem.AddressRefusal;
import dev.casebook.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the refusals a service made of a client address as a whole ({@link AddressRefusal}), such as
 * auth-service's after too many failed logins from it, and gives the same 429 itself until the service's
 * {@code Retry-After} runs out. A flood of logins from one address then stops at the gateway: the service, its
 * database and the cores they share with every other route no longer pay for each refused request.
 *
 * <p>Kept per address, method and path, in bounded memory ({@code max-callers}); an entry leaves when its refusal
 * lifts. Each gateway instance learns on its own, from one answer of the service.
 */
@ApplicationScoped
public class RefusedAddresses {

    /** A service's Retry-After beyond this is taken as this: a gateway restart forgets sooner anyway. */
    static final long MAX_SECONDS = TimeUnit.DAYS.toSeconds(1);

    private final Ticker ticker;
    private final Cache<String, Long> refusedUntil;
    private final Refusals refusals;
    private final CasebookMeters meters;

    public RefusedAddresses(GatewayConfig config, Refusals refusals, CasebookMeters meters) {
        this.ticker = Ticker.systemTicker();
        this.refusals = refusals;
        this.meters = meters;
        this.refusedUntil = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(config.rateLimit().maxCallers())
                .expireAfter(Expiry.<String, Long>writing((key, until) -> Duration.ofNanos(Math.max(0, until - ticker.read()))))
                .build();
    }

    /** The handler for one route: answers 429 while the request's address is refused there; counted as rate limited. */
    public Handler<RoutingContext> forRoute(String route) {
        Counter refused = meters.counter(MeterNames.GATEWAY_RATE_LIMITED, "route", route);
        return ctx -> {
            Long until = refusedUntil.getIfPresent(key(ctx));
            long left = until == null ? 0 : until - ticker.read();
            if (left <= 0) {
                ctx.next();
                return;
            }
            refused.increment();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + TimeUnit.SECONDS.toNanos(1) - 1));
            refusals.send(ctx, new ProblemException(429, "Too many attempts from this address; try again in " + seconds
                    + " seconds").withHeader("Retry-After", Long.toString(seconds)));
        };
    }

    /**
     * Called with each answer of a service before it goes to the client: a refusal of the address is remembered, and
     * the header that said so, meant for the gateway, is dropped.
     */
    public void learnFrom(RoutingContext ctx, int status, MultiMap headers) {
        String scope = headers.get(AddressRefusal.HEADER);
        if (scope == null) {
            return;
        }
        headers.remove(AddressRefusal.HEADER);
        long seconds = retryAfterSeconds(headers.get("Retry-After"));
        if (status == 429 && AddressRefusal.SCOPE.equals(scope) && seconds > 0) {
            refusedUntil.put(key(ctx), ticker.read() + TimeUnit.SECONDS.toNanos(Math.min(seconds, MAX_SECONDS)));
        }
    }

    private static String key(RoutingContext ctx) {
        return Caller.of(ctx).address() + ' ' + ctx.request().method().name() + ' ' + ctx.normalizedPath();
    }

    // Delta-seconds only (RFC 9110): Casebook's services never send an HTTP date; anything else is not remembered.
    private static long retryAfterSeconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 10) {
            return 0;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return 0;
            }
        }
        return Long.parseLong(value);
    }
}
