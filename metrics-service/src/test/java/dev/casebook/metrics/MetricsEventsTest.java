package dev.casebook.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a subscriber of metrics.events sees: one CloudEvent per change of a table, carrying the whole table. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MetricsEventsTest {

    private static final String UPDATED = "dev.casebook.metrics.updated.v1";

    private static List<ConsumerRecord<String, String>> updates(UUID caseStudyId, int expected) {
        return Topics.ofThisService().read("metrics.events", r -> r.key().equals(caseStudyId.toString()), expected, Duration.ofSeconds(30));
    }

    @Test
    void everyChangeOfATableIsOneEventWithTheWholeTable() throws Exception {
        UUID id = CaseStudies.draft(People.ALICE);
        String requestId = "metrics-events-" + UUID.randomUUID();
        MetricsTableTest.put(People.alice(), id, "{\"rows\": [{\"name\": \"Error Rate\", \"before\": -1, \"after\": 1}]}").statusCode(400);
        String updatedAt = People.alice().header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(MetricsTableTest.TEMPLATE_ROWS).put("/api/metrics/case-studies/" + id)
                .then().statusCode(200).extract().path("updatedAt");

        List<ConsumerRecord<String, String>> events = updates(id, 1);
        assertEquals(1, events.size(), "one event for the one change; none for the refused one");
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals(UPDATED, Records.header(event, "ce_type"));
        assertEquals("1.0", Records.header(event, "ce_specversion"));
        assertEquals("/casebook/metrics-service", Records.header(event, "ce_source"));
        assertEquals(id.toString(), Records.header(event, "ce_subject"));
        assertEquals(requestId, Records.header(event, "ce_requestid"));
        assertEquals("application/json", Records.header(event, "content-type"));
        assertNotNull(UUID.fromString(Records.header(event, "ce_id")));
        assertNotNull(Instant.parse(Records.header(event, "ce_time")));

        JsonNode data = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(event.value());
        assertEquals(id.toString(), data.get("caseStudyId").asText());
        assertEquals(updatedAt, data.get("updatedAt").asText());
        assertEquals(1, data.get("version").asLong(), "the table's first change");
        assertEquals(4, data.get("rows").size());
        assertEquals("Response Time", data.get("rows").get(0).get("name").asText());
        assertEquals("ms", data.get("rows").get(0).get("unit").asText());
        assertEquals("LOWER", data.get("rows").get(0).get("better").asText());
        assertEquals("85.8823529411765", data.get("rows").get(0).get("improvementPercent").decimalValue().toPlainString());
        assertEquals("-50", data.get("rows").get(2).get("improvementPercent").decimalValue().toPlainString());
        assertTrue(data.get("rows").get(3).get("improvementPercent").isNull());
        assertEquals("no baseline: before is 0", data.get("rows").get(3).get("improvementNote").asText());
    }

    @Test
    void eventsOfOneTableArriveInOrder() throws Exception {
        UUID id = CaseStudies.draft(People.ALICE);
        for (int after = 1; after <= 5; after++) {
            MetricsTableTest.put(People.alice(), id, "{\"rows\": [{\"name\": \"Response Time\", \"before\": 10, \"after\": " + after + "}]}")
                    .statusCode(200);
        }
        List<ConsumerRecord<String, String>> events = updates(id, 5);
        assertEquals(5, events.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, json.readTree(events.get(i).value()).get("rows").get(0).get("after").asInt());
        }
    }

    @Test
    void theEventIsWrittenInTheTransactionOfTheChange() {
        UUID id = CaseStudies.draft(People.ALICE);
        MetricsTableTest.put(People.bob(), id, MetricsTableTest.TEMPLATE_ROWS).statusCode(404);
        MetricsTableTest.put(People.alice(), id, "{\"rows\": [{\"name\": \"Cold Start\", \"before\": 1, \"after\": 1}]}").statusCode(400);
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id.toString()),
                "a refused change leaves no event behind");

        MetricsTableTest.put(People.alice(), id, MetricsTableTest.TEMPLATE_ROWS).statusCode(200);
        assertEquals(1, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND topic = 'metrics.events' "
                + "AND type = ?", id.toString(), UPDATED), "written in the transaction of the change");
    }

    @Test
    void withKafkaStoppedChangesSucceedAndTheirEventsFollowWhenItIsBack() {
        UUID id = CaseStudies.draft(People.ALICE);
        stopBroker();
        try {
            for (int after = 1; after <= 3; after++) {
                MetricsTableTest.put(People.alice(), id, "{\"rows\": [{\"name\": \"Response Time\", \"before\": 10, \"after\": " + after + "}]}")
                        .statusCode(200);
            }
            assertEquals(3, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND published_at IS NULL", id.toString()),
                    "waiting in the outbox while Kafka is down");
        } finally {
            startBroker();
        }
        assertEquals(3, updates(id, 3).size(), "every change is delivered once Kafka is back");
    }

    private static void stopBroker() {
        CasebookInfrastructure.kafka().stop();
    }

    private static void startBroker() {
        try {
            CasebookInfrastructure.kafka().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
