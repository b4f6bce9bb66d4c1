package dev.casebook.platform.access;

import dev.casebook.platform.events.EventData;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads one record of {@value AccessEvents#TOPIC} as an {@link AccessChange}. A record that is none is skipped with
 * one log line: a verifier cannot dead-letter (it reads without a consumer group), and only auth-service may write
 * the topic, so such a record is a bug to look into, not traffic.
 */
@ApplicationScoped
class AccessChangeReader {

    private static final Logger LOG = Logger.getLogger(AccessChangeReader.class);

    private final EventData eventData;

    AccessChangeReader(EventData eventData) {
        this.eventData = eventData;
    }

    Optional<AccessChange> read(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (!AccessEvents.CHANGED.type().equals(event.type())) {
                return Optional.empty(); // a later kind of event on the topic, for someone else
            }
            EventData.requireOwner(event, AccessEvents.CHANGED);
            return Optional.of(eventData.read(event, AccessEvents.CHANGED));
        } catch (MalformedEventException e) {
            LOG.warnf("Skipped a record: %s", IncomingEvent.printable(e.getMessage(), 500));
            return Optional.empty();
        }
    }
}
