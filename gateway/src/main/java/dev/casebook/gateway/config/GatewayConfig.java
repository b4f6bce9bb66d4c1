package dev.casebook.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.util.Map;

/** Which service answers which part of the API, and how long the gateway waits for each. */
@ConfigMapping(prefix = "casebook.gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway, by name. The name is what clients read in a problem
     * ("case-studies is not available right now") and what operators read in readiness.
     */
    Map<String, Route> routes();

    /** How long to wait for a connection before calling a service unavailable. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** How long one readiness probe of a service may wait for its answer. */
    @WithDefault("1s")
    Duration readinessTimeout();

    interface Route {

        /** The part of the API the service owns: the prefix itself and everything below it. */
        // Plain path characters only: Vert.x would read ':' or '*' as route syntax.
        @Pattern(regexp = "/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]", message = "must be a path such as /api/auth, without a trailing /")
        String prefix();

        /** Where the service listens, such as http://127.0.0.1:8081; paths are kept as the client sent them. */
        @Pattern(regexp = "https?://[^/?#@]+/?", message = "must be http(s)://host:port, without a path")
        String url();

        /** How long the service may stay silent before the gateway answers 504 for it. */
        @WithDefault("5s")
        Duration timeout();
    }
}
