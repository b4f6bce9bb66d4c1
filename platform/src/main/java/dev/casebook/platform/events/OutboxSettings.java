package dev.casebook.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How each service's outbox relay publishes its events to Kafka. */
@ConfigMapping(prefix = "casebook.outbox")
public interface OutboxSettings {

    /**
     * How long one relay run waits for the broker to acknowledge its sends before it lets go of the outbox. The sends
     * stay with the producer, which keeps trying until the broker is back; the next run waits for them again.
     */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long published events stay in the outbox table, for a look at what was sent, before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How often published outbox rows and remembered event ids past their retention are purged (EventPurges), in
     * batches of {@link #purgeBatch()} rows, by one instance of the service at a time.
     */
    @WithDefault("10m")
    Duration purgeInterval();

    /** The rows one purge transaction deletes at most, so that a purge never holds long locks or a long transaction. */
    @WithDefault("1000")
    int purgeBatch();

    /**
     * After how many refusals for good (a record over the broker's size limit, say) a row is parked, so that the
     * rows after it flow. A few, so that a limit an operator is raising at that moment is not a parked row.
     */
    @WithDefault("3")
    int parkAfter();

    /** How often the relay looks for events it was not nudged for (a commit nudges it at once). */
    @WithDefault("1s")
    Duration pollInterval();
}
