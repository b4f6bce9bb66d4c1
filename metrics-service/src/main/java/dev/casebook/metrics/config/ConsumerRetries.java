package dev.casebook.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How often a Kafka record whose effect failed (the database was busy, a case study not known yet) is tried
 * again before it goes to its topic's dead-letter topic. A record that can never work is not retried.
 */
@ConfigMapping(prefix = "casebook.metrics.consumer")
public interface ConsumerRetries {

    /** Attempts in all, the first included. */
    @WithDefault("3")
    int attempts();

    /** The pause after the first failed attempt; it doubles after each further one. */
    @WithDefault("500ms")
    Duration backoff();
}
