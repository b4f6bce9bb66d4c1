package dev.casebook.platform.events;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How every service's event consumers retry an event whose effect failed for a reason that may pass (the database
 * was busy, a case study not known yet) before it goes to its topic's dead-letter topic. An event that can never
 * work (not a CloudEvent, unreadable or invalid data) is not retried.
 */
public interface EventConsumerSettings {

    /** Attempts in all, the first included. */
    @WithDefault("3")
    int attempts();

    /** The pause after the first failed attempt; it doubles after each further one. */
    @WithDefault("500ms")
    Duration backoff();

    /**
     * How long a consumer remembers the ids of the events it applied, so that a redelivery takes effect once. At
     * least the retention of the topics it reads: a consumer group reset to the earliest offset replays that far.
     */
    @WithDefault("P7D")
    Duration processedRetention();
}
