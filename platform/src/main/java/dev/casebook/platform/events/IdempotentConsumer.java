package dev.casebook.platform.events;

import dev.casebook.platform.requestid.RequestIds;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Consumer;

/**
 * Makes an event consumer take effect once per event although Kafka delivers at least once: the
 * event id is remembered in the consumer's own schema in the same transaction as the effect, so
 * either both are committed or neither is.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class IdempotentConsumer {

    /**
     * Applies {@code effect} unless {@code consumer} already processed this event.
     *
     * @param consumer a stable name for the effect, such as {@code analytics-projection}
     * @return true if the effect was applied now, false for a repeat
     */
    @Transactional
    public boolean applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        String previous = RequestIds.current();
        RequestIds.use(event.requestId());
        try {
            // Of two concurrent deliveries the second waits on the key, then inserts nothing.
            int inserted = Panache.getEntityManager()
                    .createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id) "
                            + "ON CONFLICT DO NOTHING")
                    .setParameter("consumer", consumer)
                    .setParameter("id", event.id())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        } finally {
            RequestIds.use(previous);
        }
    }
}
