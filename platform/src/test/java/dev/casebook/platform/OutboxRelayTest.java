package dev.casebook.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.EventType;
import dev.casebook.platform.events.Outbox;
import dev.casebook.platform.events.OutboxParking;
import dev.casebook.platform.testapp.NoteResource.NoteCreated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.casebook.testing.PrometheusText;
import dev.casebook.testing.Records;
import dev.casebook.testing.TopicReader;
import dev.casebook.testing.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class OutboxRelayTest {

    private static final String EDITED = "dev.casebook.test.note.edited.v1";


    @ConfigProperty(name = "casebook.outbox.send-timeout")
    Duration sendTimeout;

    @Inject
    AgroalDataSource database;

    @Inject
    Outbox outbox;

    private long createNote(String text, String requestId) {
        return given().contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body("{\"text\": \"" + text + "\", \"mood\": \"CALM\"}")
                .post("/notes").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void aCommittedChangeIsPublishedAsACloudEventWithTheRequestId() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        long id = createNote("published", requestId);

        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            List<ConsumerRecord<String, String>> records = topic.read(r -> r.key().equals("note-" + id), 1, Duration.ofSeconds(20));
            assertEquals(1, records.size(), "exactly one event for one change");
            ConsumerRecord<String, String> event = records.get(0);
            assertEquals("1.0", Records.header(event, "ce_specversion"));
            assertEquals("dev.casebook.test.note.created.v1", Records.header(event, "ce_type"));
            assertEquals("/casebook/platform-test", Records.header(event, "ce_source"));
            assertEquals("note-" + id, Records.header(event, "ce_subject"));
            assertEquals(requestId, Records.header(event, "ce_requestid"));
            assertEquals("application/json", Records.header(event, "content-type"));
            UUID.fromString(Records.header(event, "ce_id"));
            Instant.parse(Records.header(event, "ce_time"));
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertEquals(id, data.get("id").asLong());
            assertEquals("published", data.get("text").asText());
        }
        assertEquals(0, count("SELECT count(*) FROM platformtest.outbox_event WHERE published_at IS NULL AND parked_at IS NULL"),
                "rows are marked published once the broker acknowledged them");
        assertTrue(PrometheusText.scrape().names().contains("kafka_producer_record_send_total"),
                "the relay's producer shows its own Kafka meters");
    }

    @Test
    void aServiceCannotEmitAnEventAnotherServiceOwns() {
        EventType<NoteCreated> someoneElses = EventType.of("/casebook/casestudy-service", "notes",
                "dev.casebook.test.note.created.v1", NoteCreated.class, note -> "note-" + note.id(), note -> null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.emit(someoneElses, new NoteCreated(1, "forged"))));
        assertThat(refused.getMessage(), containsString("/casebook/platform-test cannot emit"));
    }

    @Test
    void aRolledBackChangeLeavesNeitherTheRowNorTheEvent() throws Exception {
        long before = count("SELECT count(*) FROM platformtest.outbox_event");
        given().contentType(ContentType.JSON).body("{\"text\": \"rolled back\", \"mood\": \"CALM\"}")
                .queryParam("failAfterEvent", true)
                .post("/notes").then().statusCode(500);

        assertEquals(before, count("SELECT count(*) FROM platformtest.outbox_event"));
        assertEquals(0, count("SELECT count(*) FROM platformtest.note WHERE text = 'rolled back'"));
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            assertTrue(topic.read(r -> r.value().contains("rolled back"), 1, Duration.ofSeconds(3)).isEmpty());
        }
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereWritten() throws Exception {
        // Thirty edits of one note in one transaction: the relay takes them in one batch, and one key keeps them on one partition.
        long id = createNote("burst", "burst-request");
        List<String> edits = IntStream.range(0, 30).mapToObj(i -> "burst edit " + i).toList();
        given().contentType(ContentType.JSON).header("X-Request-Id", "burst-edits").body(edits)
                .post("/notes/" + id + "/edits").then().statusCode(200);
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            List<ConsumerRecord<String, String>> records = topic.read(
                    r -> r.key().equals("note-" + id) && EDITED.equals(Records.header(r, "ce_type")), 30, Duration.ofSeconds(30));
            assertEquals(30, records.size(), "each change exactly once");
            List<String> arrived = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                assertNotNull(Records.header(record, "ce_id"));
                arrived.add(new ObjectMapper().readTree(record.value()).get("text").asText());
            }
            assertEquals(edits, arrived, "in the order they were written");
        }
    }

    @Test
    void whileTheBrokerDoesNotAcknowledgeEventsStayInTheOutboxAndArriveOnceItDoes() throws Exception {
        // A first event, so that the relay knows the topic: its sends then wait for the broker rather than fail at once.
        long before = createNote("before the outage", "outage-request");
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            assertEquals(1, topic.read(r -> r.key().equals("note-" + before), 1, Duration.ofSeconds(20)).size());
        }
        List<String> keys;
        List<String> edits = new ArrayList<>();
        CasebookInfrastructure.kafka().stop();
        try {
            keys = IntStream.range(0, 3).mapToObj(i -> "note-" + createNote("during the outage " + i, "outage-request-" + i)).toList();
            // Longer than two relay runs wait for the broker and let go: the rows stay through them. Meanwhile one
            // note is edited again and again, each edit its own transaction, so that each run finds more of its events.
            Instant until = Instant.now().plus(sendTimeout.multipliedBy(2)).plusSeconds(2);
            while (Instant.now().isBefore(until)) {
                assertEquals(3, unpublished(keys), "not acknowledged, so not published");
                String edit = "outage edit " + edits.size();
                given().contentType(ContentType.JSON).body(List.of(edit)).post("/notes/" + before + "/edits").then().statusCode(200);
                edits.add(edit);
                Thread.sleep(700);
            }
            // What an operator sees meanwhile: the backlog has grown by the three, and the oldest of them is waiting.
            await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusText.scrape().value("casebook_outbox_backlog") >= 3);
            assertTrue(PrometheusText.scrape().value("casebook_outbox_oldest_age_seconds") > 0);
        } finally {
            CasebookInfrastructure.kafka().start();
        }
        String edited = "note-" + before;
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            List<ConsumerRecord<String, String>> records = topic.read(
                    r -> keys.contains(r.key()) || edited.equals(r.key()) && EDITED.equals(Records.header(r, "ce_type")),
                    found -> found.stream().map(ConsumerRecord::key).filter(keys::contains).distinct().count() == keys.size()
                            && Records.distinct(found).stream().filter(r -> edited.equals(r.key())).count() >= edits.size(),
                    Duration.ofSeconds(60));
            assertEquals(Set.copyOf(keys), records.stream().map(ConsumerRecord::key).filter(keys::contains)
                    .collect(Collectors.toSet()), "every event arrives once the broker is back");
            // A subscriber that keeps the first copy of each event id sees the edits in the order they were made.
            List<String> arrived = new ArrayList<>();
            for (ConsumerRecord<String, String> record : Records.distinct(records)) {
                if (edited.equals(record.key())) {
                    arrived.add(new ObjectMapper().readTree(record.value()).get("text").asText());
                }
            }
            assertEquals(edits, arrived, "in the order they were written");
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (unpublished(keys) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(0, unpublished(keys), "marked published once the broker acknowledged them");
        await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusText.scrape().value("casebook_outbox_backlog") == 0);
        assertEquals(0, PrometheusText.scrape().value("casebook_outbox_oldest_age_seconds"), "the backlog drained");
        assertTrue(PrometheusText.scrape().value("casebook_events_published_total", "topic", "notes") >= 4);
    }

    @Test
    void aRowTheBrokerRefusesForGoodIsParkedOnceAndTheRowsAfterItFlow() throws Exception {
        CapturedLog log = new CapturedLog();
        try {
            // Over the producer's max.request.size (1 MB): no retry can send it.
            long poisonId = System.nanoTime();
            UUID poison = QuarkusTransaction.requiringNew().call(() ->
                    outbox.emit(NoteCreated.TYPE, new NoteCreated(poisonId, "x".repeat(1_500_000))));
            long after = createNote("written after the poisoned row", "after-poison");

            try (TopicReader topic = Topics.ofThisService().reader("notes")) {
                // Sent again with each try of the refused row before it, so once in effect: one event id.
                assertEquals(1, Records.distinct(topic.read(r -> r.key().equals("note-" + after), 1, Duration.ofSeconds(30))).size(),
                        "the row after the refused one is published");
            }
            String parked = "SELECT count(*) FROM platformtest.outbox_event WHERE event_id = '" + poison
                    + "' AND parked_at IS NOT NULL AND published_at IS NULL AND refusals = 3"
                    + " AND park_reason LIKE 'RecordTooLargeException: %'";
            await().atMost(Duration.ofSeconds(20)).until(() -> count(parked) == 1); // a try a second
            await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.scrape().value("casebook_outbox_parked_rows") >= 1);
            assertTrue(PrometheusText.scrape().value("casebook_outbox_parked_total", "topic", "notes") >= 1);
            List<String> parkings = log.records().stream()
                    .filter(record -> record.getLoggerName().equals(OutboxParking.class.getName())
                            && record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .map(CapturedLog::message).filter(message -> message.contains(poison.toString())).toList();
            assertEquals(1, parkings.size(), "logged once: " + parkings);
        } finally {
            log.close();
            // What an operator does with a row that can never go (README "Parked events"): let it go.
            count("WITH gone AS (DELETE FROM platformtest.outbox_event WHERE parked_at IS NOT NULL RETURNING 1) SELECT count(*) FROM gone");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.scrape().value("casebook_outbox_parked_rows") == 0);
    }

    private long unpublished(List<String> keys) throws Exception {
        return count("SELECT count(*) FROM platformtest.outbox_event WHERE published_at IS NULL AND record_key IN ('"
                + String.join("', '", keys) + "')");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
