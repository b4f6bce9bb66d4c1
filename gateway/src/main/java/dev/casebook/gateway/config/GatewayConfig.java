package dev.casebook.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.Map;

/** Which service answers which part of the API, how long the gateway waits for each, and how it protects them. */
@ConfigMapping(prefix = "casebook.gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway, by name. The name is what clients read in a problem
     * ("case-studies is not available right now") and what operators read in readiness.
     */
    Map<String, Route> routes();

    /**
     * Where clients reach Casebook, such as https://casebook.example.org: the services build absolute links
     * (Location, the Link of a page) from the X-Forwarded-Proto, -Host and -Port the gateway derives from this
     * alone. Whatever a client sends in Host or X-Forwarded-* never reaches them.
     */
    // No path: the services serve /api at their root, so there is no prefix to forward.
    @Pattern(regexp = "https?://[^/?#@]+/?", message = "must be http(s)://host[:port], without a path")
    String publicUrl();

    /** How long to wait for a connection before calling a service unavailable. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** How long one readiness probe of a service may wait for its answer. */
    @WithDefault("1s")
    Duration readinessTimeout();

    /** How many requests one caller may make. */
    RateLimit rateLimit();

    /** The access tokens the gateway has verified, kept so that their next requests skip the signature check. */
    TokenCache tokenCache();

    /** When the gateway stops sending requests to a service that keeps failing. */
    CircuitBreaker circuitBreaker();

    /** The one API description the gateway serves for all services. */
    OpenApi openapi();

    interface Route {

        /** The part of the API the service owns: the prefix itself and everything below it. */
        // Plain path characters only: Vert.x would read ':' or '*' as route syntax.
        @Pattern(regexp = "/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]", message = "must be a path such as /api/auth, without a trailing /")
        String prefix();

        /**
         * Where the service listens, such as http://127.0.0.1:8081, or its instances, comma-separated (one scheme
         * for all): they take requests in turn (SmallRye Stork), and one that refuses connections sits out a while.
         * In Kubernetes, the Service's DNS name. Paths are kept as the client sent them.
         */
        @Pattern(regexp = "https?://[^/?#@,]+/?(,https?://[^/?#@,]+/?)*",
                message = "must be http(s)://host:port, or several comma-separated, without a path")
        String url();

        /** How long the service may stay silent before the gateway answers 504 for it. */
        @WithDefault("5s")
        Duration timeout();
    }

    /**
     * A token bucket per caller (the access token's subject, else the client address): it holds up to
     * {@code capacity} requests and refills at {@code refill-per-second}.
     */
    interface RateLimit {

        /** Whether the gateway limits requests per caller at all. */
        @WithDefault("true")
        boolean enabled();

        /** The burst: how many requests a caller with a full bucket may make at once. */
        @WithDefault("50")
        @Min(1)
        int capacity();

        /** The sustained rate: requests per second added back to each bucket (may be fractional, such as 0.5). */
        @WithDefault("20")
        @Positive
        double refillPerSecond();

        /** At most this many callers' buckets are kept; idle buckets are dropped first. */
        @WithDefault("100000")
        @Min(1)
        long maxCallers();

        /**
         * How long the gateway's own 429s (an empty bucket, an address a service refused) wait before they go out. A
         * client that honours Retry-After loses nothing by it; one that ignores it, such as a flood of logins, gets at
         * most one answer per connection per pause instead of as many as the cores can write. 0 answers at once.
         */
        @WithDefault("250ms")
        Duration refusalPause();

        /** At most this many refusals wait out their pause at once; beyond it they go out at once. */
        @WithDefault("10000")
        @Min(0)
        int maxPausedRefusals();
    }

    /**
     * Verified access tokens, kept by the SHA-256 of each (never the token itself). An entry lives no longer than its
     * token's {@code exp}; a token revoked meanwhile (user disabled, roles changed, logged out everywhere) is refused
     * at its next request all the same, since every use asks the access versions again.
     */
    interface TokenCache {

        /**
         * At most this many tokens are kept, about 200 bytes each; beyond it the least used go first and are verified
         * again at their next request. 0 keeps none: every request verifies its token's signature.
         */
        @WithDefault("10000")
        @Min(0)
        long maxSize();
    }

    /**
     * One breaker per service. Only failures that say the service cannot answer count: no connection,
     * the connection lost before an answer, no answer in time. Any answer, 5xx included, is the service's
     * own and counts as a success.
     */
    interface CircuitBreaker {

        /** Failures in a row (within {@code failure-window}) that open the breaker. */
        @WithDefault("5")
        @Min(1)
        int failures();

        /** Failures further apart than this do not add up. */
        @WithDefault("30s")
        Duration failureWindow();

        /** How long an open breaker answers 503 at once before it lets one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface OpenApi {

        /** How long the merged document is kept before the services are asked again. */
        @WithDefault("10s")
        Duration cacheFor();

        /** How long each service may take to hand over its own document; a slower one is left out. */
        @WithDefault("2s")
        Duration fetchTimeout();
    }
}
