package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import dev.casebook.platform.testapp.NoteResource.NoteCreated;
import dev.casebook.testing.Records;
import dev.casebook.testing.TopicReader;
import dev.casebook.testing.Topics;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trace runs from the writer's request into its outbox row, onto the Kafka record, and into the consumer's effect. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EventTracingTest {

    @Inject
    AgroalDataSource database;

    @Inject
    EventPipeline pipeline;

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void theEventOfARequestIsPublishedInTheClientsTrace() throws Exception {
        String traceId = randomHex(16);
        String clientSpan = randomHex(8);
        long id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .body("{\"text\": \"traced\", \"mood\": \"CALM\"}")
                .post("/notes").then().statusCode(200).extract().jsonPath().getLong("id");

        String written = outboxTraceparent("note-" + id);
        assertTrue(written.startsWith("00-" + traceId + "-"), "the row carries the request's trace: " + written);
        assertNotEquals(clientSpan, spanIdOf(written), "the row's parent is the service's own span, not the client's");

        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            ConsumerRecord<String, String> event = topic.read(r -> r.key().equals("note-" + id), 1, Duration.ofSeconds(20)).get(0);
            String published = Records.header(event, "ce_traceparent");
            assertTrue(published.matches("00-" + traceId + "-[0-9a-f]{16}-01"), "ce_traceparent in the trace: " + published);
            assertNotEquals(spanIdOf(written), spanIdOf(published), "the relay publishes in a span of its own");
        }
    }

    @Test
    void aConsumerAppliesAnEventInThePublishersTraceWithItsIdInTheLog() {
        String traceId = randomHex(16);
        String publisherSpan = randomHex(8);
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.of("traced-copy-" + UUID.randomUUID())
                .on(NoteCreated.TYPE, (note, event) -> seen.add(Span.current().getSpanContext().getTraceId()
                        + " " + Span.current().getSpanContext().getSpanId() + " " + MDC.get("traceId")));

        pipeline.handle(record("00-" + traceId + "-" + publisherSpan + "-01"), handlers);

        String[] inHandler = seen.get(0).split(" ");
        assertEquals(traceId, inHandler[0], "the effect runs in the publisher's trace");
        assertNotEquals(publisherSpan, inHandler[1], "in a span of the consumer's own");
        assertEquals(traceId, inHandler[2], "its log lines carry the trace id");
        assertNull(MDC.get("traceId"), "the trace id is the event's only while it is handled");
    }

    @Test
    void aRecordWithoutAWellFormedTraceparentIsAppliedInATraceOfItsOwn() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.of("untraced-copy-" + UUID.randomUUID())
                .on(NoteCreated.TYPE, (note, event) -> seen.add(Span.current().getSpanContext().getTraceId()));

        pipeline.handle(record("00-not-a-trace\n-01"), handlers);

        assertEquals(1, seen.size());
        assertTrue(seen.get(0).matches("[0-9a-f]{32}") && !seen.get(0).equals("0".repeat(32)), seen.get(0));
    }

    private static ConsumerRecord<String, String> record(String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes", 0, 7, "note-1", "{\"id\": 1, \"text\": \"hi\"}");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", NoteCreated.TYPE.type());
        header(record, "ce_source", NoteCreated.SOURCE);
        header(record, "ce_traceparent", traceparent);
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private String outboxTraceparent(String key) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT traceparent FROM platformtest.outbox_event WHERE record_key = ? ORDER BY id LIMIT 1")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an outbox row for " + key);
                return row.getString(1);
            }
        }
    }
}
