package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.domain.NotKnownYet;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import dev.casebook.platform.events.EventType;
import dev.casebook.platform.events.MalformedEventException;
import dev.casebook.platform.requestid.RequestIds;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.testapp.NoteResource.NoteCreated;
import dev.casebook.platform.testapp.NoteResource.NoteEdited;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one way events are consumed: what a handler sees, what is retried, what is refused and why. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EventPipelineTest {

    /** A contract record with a rule, as producers' contracts have. */
    public record Signed(@NotBlank String author) {

        static final EventType<Signed> TYPE = EventType.of(NoteCreated.SOURCE, "notes", "dev.casebook.test.note.signed.v1", Signed.class,
                signed -> signed.author(), signed -> null);
    }

    @Inject
    EventPipeline pipeline;

    private static ConsumerRecord<String, String> event(String type, String data, String... headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes", 0, 42, "note-1", data);
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", NoteCreated.SOURCE);
        for (int i = 0; i < headers.length; i += 2) {
            header(record, headers[i], headers[i + 1]);
        }
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHandlerGetsTheContractRecordOnceAndTheRequestIdThatCausedIt() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.of("pipeline-copy-" + UUID.randomUUID())
                .on(NoteCreated.TYPE, (note, event) -> seen.add(note.text() + " in " + RequestIds.current()));
        ConsumerRecord<String, String> record = event(NoteCreated.TYPE.type(), "{\"id\": 7, \"text\": \"hello\", \"later\": true}",
                "ce_requestid", "req-from-the-writer");

        pipeline.handle(record, handlers);
        pipeline.handle(record, handlers);

        assertEquals(List.of("hello in req-from-the-writer"), seen, "once, with members it does not know ignored");
        assertNull(RequestIds.current(), "the request id is the event's only while it is handled");
    }

    @Test
    void textFromARecordCannotForgeALogLine() {
        List<String> requestIds = new ArrayList<>();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID())
                .on(Signed.TYPE, (signed, event) -> requestIds.add(String.valueOf(RequestIds.current())));
        ConsumerRecord<String, String> forged = new ConsumerRecord<>("notes", 0, 11, "note-1", "{\"author\": \" \"}");
        header(forged, "ce_id", "x\n12:00:00 INFO all is well");
        header(forged, "ce_type", Signed.TYPE.type());
        header(forged, "ce_source", NoteCreated.SOURCE);
        MalformedEventException refused = assertThrows(MalformedEventException.class, () -> pipeline.handle(forged, handlers));
        assertThat(refused.getMessage(), containsString("Event x?12:00:00 INFO all is well ("));

        pipeline.handle(event(Signed.TYPE.type(), "{\"author\": \"ada\"}", "ce_requestid", "evil\nINFO forged line"), handlers);
        assertEquals(List.of("null"), requestIds, "a malformed request id is not taken into the log context");
    }

    @Test
    void eventsOfTheContractWithoutAHandlerPassBy() {
        AtomicInteger calls = new AtomicInteger();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID()).on(NoteCreated.TYPE, (note, event) -> calls.incrementAndGet())
                .ignoring(List.of(NoteCreated.TYPE, NoteEdited.TYPE));
        pipeline.handle(event(NoteEdited.TYPE.type(), "not even JSON"), handlers);
        assertEquals(0, calls.get());
    }

    @Test
    void anEventOfATypeNoContractDeclaresIsRefused() {
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID()).on(NoteCreated.TYPE, (note, event) -> {
        });
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> pipeline.handle(event("dev.casebook.test.note.pinned-forever.v1", "{}"), handlers));
        assertThat(refused.getMessage(), containsString("(dev.casebook.test.note.pinned-forever.v1) is of a type pipeline-"));
        assertThat(refused.getMessage(), containsString(" does not know"));
    }

    @Test
    void anEventFromAnotherSourceThanItsOwnerIsRefusedAndNotApplied() {
        AtomicInteger calls = new AtomicInteger();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID()).on(NoteCreated.TYPE, (note, event) -> calls.incrementAndGet());
        ConsumerRecord<String, String> forged = new ConsumerRecord<>("notes", 0, 12, "note-3", "{\"id\": 3, \"text\": \"forged\"}");
        header(forged, "ce_id", UUID.randomUUID().toString());
        header(forged, "ce_type", NoteCreated.TYPE.type());
        header(forged, "ce_source", "/casebook/intruder\nINFO all is well");
        MalformedEventException refused = assertThrows(MalformedEventException.class, () -> pipeline.handle(forged, handlers));
        assertThat(refused.getMessage(), containsString("does not come from its owner /casebook/platform-test but from /casebook/intruder?INFO all is well"));

        ConsumerRecord<String, String> sourceless = new ConsumerRecord<>("notes", 0, 13, "note-3", "{\"id\": 3, \"text\": \"forged\"}");
        header(sourceless, "ce_id", UUID.randomUUID().toString());
        header(sourceless, "ce_type", NoteCreated.TYPE.type());
        assertThat(assertThrows(MalformedEventException.class, () -> pipeline.handle(sourceless, handlers)).getMessage(),
                containsString("but from null"));
        assertEquals(0, calls.get(), "no handler ran");
    }

    @Test
    void aReasonThatQuotesTheRecordCannotForgeALogLineEither() {
        String quoted = IncomingEvent.printable("Unrecognized token 'evil\n12:00:00 INFO ok\u2028': was expecting JSON", 2000);
        assertEquals("Unrecognized token 'evil?12:00:00 INFO ok?': was expecting JSON", quoted);
    }

    @Test
    void whatCanNeverBeAppliedIsRefusedAtOnceWithItsReason() {
        AtomicInteger calls = new AtomicInteger();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID())
                .on(Signed.TYPE, (signed, event) -> calls.incrementAndGet());

        ConsumerRecord<String, String> noHeaders = new ConsumerRecord<>("notes", 0, 9, "note-1", "{}");
        assertThat(assertThrows(MalformedEventException.class, () -> pipeline.handle(noHeaders, handlers)).getMessage(),
                containsString("notes/0@9 is not a CloudEvent"));
        assertThat(assertThrows(MalformedEventException.class, () -> pipeline.handle(event(Signed.TYPE.type(), "<note/>"), handlers))
                .getMessage(), containsString("holds no signed: it does not carry JSON"));
        assertThat(assertThrows(MalformedEventException.class, () -> pipeline.handle(event(Signed.TYPE.type(), "[1, 2]"), handlers))
                .getMessage(), containsString("holds no signed"));
        assertThat(assertThrows(MalformedEventException.class, () -> pipeline.handle(event(Signed.TYPE.type(), "{\"author\": \" \"}"), handlers))
                .getMessage(), containsString("lacks author"));
        assertEquals(0, calls.get(), "no handler ran");
    }

    @Test
    void aFailureThatMayPassIsRetriedWithBackoffThenGivenUp() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID()).on(NoteCreated.TYPE, (note, event) -> {
            attempts.incrementAndGet();
            throw new NotKnownYet("Note " + note.id() + " is not here yet", Duration.ofSeconds(1));
        });
        NotKnownYet last = assertThrows(NotKnownYet.class,
                () -> pipeline.handle(event(NoteCreated.TYPE.type(), "{\"id\": 8, \"text\": \"early\"}"), handlers));
        assertEquals(3, attempts.get(), "casebook.events.consumer.attempts");
        assertEquals("Note 8 is not here yet", last.getMessage());
    }

    @Test
    void aFailureThatWillNeverPassIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID()).on(NoteCreated.TYPE, (note, event) -> {
            attempts.incrementAndGet();
            throw InvalidInput.of("text", "must not shout");
        });
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> pipeline.handle(event(NoteCreated.TYPE.type(), "{\"id\": 9, \"text\": \"LOUD\"}"), handlers));
        assertEquals(1, attempts.get());
        assertThat(refused.getMessage(), containsString("is refused: Field 'text' must not shout: text must not shout"));
    }

    @Test
    void plainRecordsAreTakenAsTheirTypeWhenTheConsumerSaysSo() {
        List<String> seen = new ArrayList<>();
        EventType<NoteCreated> fromATool = EventType.inbound("notes", "dev.casebook.test.note.from-a-tool", NoteCreated.class);
        EventHandlers handlers = EventHandlers.of("pipeline-" + UUID.randomUUID())
                .on(fromATool, (note, event) -> seen.add(note.text() + " as " + event.id()))
                .plainRecordsAre(fromATool);
        ConsumerRecord<String, String> plain = new ConsumerRecord<>("notes", 1, 5, "note-2", "{\"id\": 2, \"text\": \"from a tool\"}");

        pipeline.handle(plain, handlers);
        pipeline.handle(plain, handlers);

        assertEquals(List.of("from a tool as notes/1/5"), seen, "its place in the topic is its id, so a redelivery is a repeat");
    }
}
