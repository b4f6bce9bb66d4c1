package dev.casebook.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.platform.database.AfterCommit;
import dev.casebook.platform.requestid.RequestIds;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the change it describes, so that an event
 * exists exactly when the change was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class Outbox {

    private static final Object RELAY_NUDGE = new Object();

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OutboxWakeUps wakeUps;

    public Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  OutboxWakeUps wakeUps) {
        this.wakeUps = wakeUps;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Writes {@code data} as an event of {@code type}: the type says the topic, the record key and the subject, so
     * a producer never names a table or a topic.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID emit(EventType<T> type, T data) {
        if (!type.source().orElse("").equals(relay.source())) {
            // A service writes only its own contract's events, under its own source, which is what consumers check.
            throw new IllegalStateException(relay.source() + " cannot emit " + type + ": its owner is "
                    + type.source().orElse("outside Casebook"));
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.recordKey = type.keyOf(data);
        event.type = type.type();
        event.subject = type.subjectOf(data);
        event.occurredAt = Instant.now();
        event.requestId = RequestIds.current();
        event.data = toJson(data);
        EventTracing.stampCurrent(event);
        event.persist();
        nudgeRelayAfterCommit();
        return event.eventId;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON", e);
        }
    }

    // The relay also polls; the nudges only save the wait for the next poll: this instance's at once, every other
    // instance's through the database (OutboxWakeUps), since any of them may hold the relay's lock.
    private void nudgeRelayAfterCommit() {
        if (transactions.getResource(RELAY_NUDGE) != null) {
            return;
        }
        transactions.putResource(RELAY_NUDGE, Boolean.TRUE);
        wakeUps.announceInCurrentTransaction();
        AfterCommit.run(transactions, relay::requestRun);
    }
}
