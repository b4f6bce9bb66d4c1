package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.IdempotentConsumer;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer consumer;

    private final Consumer<IncomingEvent> saveNote = event -> Panache.getEntityManager()
            .createNativeQuery("INSERT INTO note (text) VALUES (:text)")
            .setParameter("text", event.id())
            .executeUpdate();

    private static ConsumerRecord<String, String> record(String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes", 0, 0, "note-1", "{\"id\":1}");
        RecordHeaders headers = (RecordHeaders) record.headers();
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "dev.casebook.test.note.created.v1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() {
        IncomingEvent event = IncomingEvent.from(record(UUID.randomUUID().toString()));

        assertTrue(consumer.applyOnce("notes-copy", event, saveNote));
        assertFalse(consumer.applyOnce("notes-copy", event, saveNote));

        assertEquals(1, notesNamed(event.id()));
    }

    @Test
    void twoConsumersEachTakeTheirOwnEffect() {
        IncomingEvent event = IncomingEvent.from(record(UUID.randomUUID().toString()));

        assertTrue(consumer.applyOnce("notes-copy", event, saveNote));
        assertTrue(consumer.applyOnce("notes-audit", event, saveNote));

        assertEquals(2, notesNamed(event.id()));
    }

    @Test
    void aFailedEffectIsNotRememberedAndCanBeRetried() {
        IncomingEvent event = IncomingEvent.from(record(UUID.randomUUID().toString()));

        assertThrows(IllegalStateException.class, () -> consumer.applyOnce("notes-copy", event, e -> {
            saveNote.accept(e);
            throw new IllegalStateException("effect failed half-way");
        }));
        assertEquals(0, notesNamed(event.id()));

        assertTrue(consumer.applyOnce("notes-copy", event, saveNote));
        assertEquals(1, notesNamed(event.id()));
    }

    @Test
    void aRecordWithoutCloudEventHeadersIsMalformed() {
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>("notes", 0, 7, "k", "not an event");
        assertThrows(MalformedEventException.class, () -> IncomingEvent.from(garbage));
    }

    private long notesNamed(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM note WHERE text = :text")
                .setParameter("text", text).getSingleResult()).longValue());
    }
}
