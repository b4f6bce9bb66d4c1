package dev.casebook.platform.events;

import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Decides when a row the broker refuses for good is parked: after {@link OutboxSettings#parkAfter()} refusals it
 * keeps the broker's reason, is counted ({@link MeterNames#OUTBOX_PARKED_TOTAL}; OutboxMeters shows how many are
 * parked now), is logged once, and is sent no more; the rows after it flow. README "Parked events" tells an operator
 * how to send it again or let it go.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class OutboxParking {

    private static final Logger LOG = Logger.getLogger(OutboxParking.class);
    /** What park_reason keeps. */
    private static final int MAX_REASON = 2000;

    private final int parkAfter;
    private final CasebookMeters meters;

    public OutboxParking(OutboxSettings settings, CasebookMeters meters) {
        this.parkAfter = settings.parkAfter();
        this.meters = meters;
    }

    /**
     * Counts one refusal of {@code event}, in the relay's transaction.
     *
     * @return true if the row is parked now, false if it is to be tried again
     */
    boolean refused(OutboxEvent event, Throwable reason, Instant now) {
        event.refusals++;
        String why = IncomingEvent.printable(reason.getClass().getSimpleName() + ": " + reason.getMessage(), MAX_REASON - 1);
        if (event.refusals < parkAfter) {
            LOG.debugf("Outbox event %s refused (%d of %d): %s", event.eventId, event.refusals, parkAfter, why);
            return false;
        }
        event.parkedAt = now;
        event.parkReason = why;
        meters.counter(MeterNames.OUTBOX_PARKED, "topic", event.topic).increment();
        LOG.warnf("Outbox event %s (%s on %s) is parked after %d refusals by the broker: %s. The events after it go on;"
                + " see README 'Parked events'", event.eventId, event.type, event.topic, event.refusals, why);
        return true;
    }
}
