package dev.casebook.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Whether a service takes part in events, and how its events name their source. */
@ConfigMapping(prefix = "casebook.events")
public interface EventSettings {

    /**
     * Build time: the outbox, its relay, the broker health check and the consumer pipeline exist only in services
     * that set it, so a service without Kafka (auth-service, the gateway) carries none of them.
     */
    @WithDefault("false")
    boolean enabled();

    /** The CloudEvents {@code source} of the events this service writes; {@code /casebook/<application name>} when unset. */
    Optional<String> source();

    /** How consumers retry an event whose effect failed. */
    EventConsumerSettings consumer();
}
