package dev.casebook.casestudy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.metrics.contract.MetricsEvents;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** metrics-service owns the metrics table; its events keep the copy that case studies show. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MetricsCopyTest {

    private static final String UPDATED = "dev.casebook.metrics.updated.v1";
    private static final String PUBLISHED = "dev.casebook.metrics.published.v1";

    private static String table(String caseStudyId, Instant updatedAt, long version) {
        return """
                {"caseStudyId": "{id}", "updatedAt": "{at}", "version": {version}, "rows": [
                  {"name": "Response Time", "unit": "ms", "before": 120, "after": 45, "better": "LOWER", "improvementPercent": 62.5},
                  {"name": "Throughput", "unit": "req/s", "before": 800, "after": 2000, "better": "HIGHER", "improvementPercent": 150},
                  {"name": "Error Rate", "unit": "%", "before": 0, "after": 0.2, "better": "LOWER", "improvementNote": "no baseline: before is 0"}
                ]}""".replace("{id}", caseStudyId).replace("{at}", updatedAt.toString()).replace("{version}", String.valueOf(version));
    }

    /** Sends an event as metrics-service does: its owner's source, on its topic. */
    private static String fromMetricsService(String id, String type, String data) {
        return Topics.ofThisService().sendCloudEvent(MetricsEvents.SOURCE, MetricsEvents.TOPIC, id, type, data);
    }

    /**
     * Waits until every event sent so far for {@code id} was handled: one more, of a type no contract has, goes to the
     * dead-letter topic after them (one key, one partition, in order).
     */
    private static void awaitHandled(String id) {
        String marker = fromMetricsService(id, "dev.casebook.metrics.marker.v1", "{}");
        assertEquals(1, Topics.ofThisService().read(MetricsEvents.TOPIC + ".dlq",
                r -> marker.equals(Records.header(r, "ce_id")), 1, Duration.ofSeconds(30)).size(), "the marker was handled");
    }

    @Test
    void aMetricsUpdateReachesTheJsonAndTheMarkdownTable() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Measured"))).path("id");
        String before = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");

        fromMetricsService(id, UPDATED, table(id, Instant.now(), 1));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));
        People.alice().get("/api/case-studies/" + id).then()
                .header("ETag", not(equalTo(before)))
                .body("metrics[0].name", equalTo("Response Time"))
                .body("metrics[0].improvementPercent", equalTo(62.5)) // People read decimals as doubles
                .body("metrics[2].improvementNote", equalTo("no baseline: before is 0"));
        String markdown = People.alice().accept("text/markdown").get("/api/case-studies/" + id).then().extract().asString();
        assertThat(markdown, containsString("| Metric | Before | After | Improvement |\n|--------|--------|-------|-------------|\n"
                + "| Response Time | 120 ms | 45 ms | 62.5% |\n"
                + "| Throughput | 800 req/s | 2000 req/s | 150.0% |\n"
                + "| Error Rate | 0% | 0.2% | n/a |\n"));
    }

    @Test
    void thePublicReadsTheNumbersOfTheLastPublishWhileADraftHasNewOnes() throws Exception {
        String id = WorkflowTest.publishedCaseStudy(Documents.uniqueTitle("Reviewed numbers"));
        Instant published = Instant.now();
        fromMetricsService(id, PUBLISHED, table(id, published, 1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.anonymous().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));

        // The author edits: a new draft gets new numbers, which metrics-service announces as the working table.
        String etag = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.alice().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"summary\": \"Even faster.\"}")
                .patch("/api/case-studies/" + id).then().statusCode(200);
        fromMetricsService(id, UPDATED, table(id, published.plusSeconds(60), 2)
                .replace("\"after\": 45", "\"after\": 1"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics[0].after", equalTo(1)));

        People.anonymous().get("/api/case-studies/" + id).then().statusCode(200).body("metrics[0].after", equalTo(45));
        assertThat(People.anonymous().accept("text/markdown").get("/api/case-studies/" + id).then().extract().asString(),
                containsString("| Response Time | 120 ms | 45 ms | 62.5% |"));
    }

    @Test
    void anOlderTableArrivingLateChangesNothing() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Late"))).path("id");
        fromMetricsService(id, UPDATED, table(id, Instant.now(), 1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));
        fromMetricsService(id, UPDATED, "{\"caseStudyId\": \"" + id + "\", \"updatedAt\": \"2020-01-01T00:00:00Z\", \"version\": 0, \"rows\": []}");
        awaitHandled(id);
        People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3));
    }

    @Test
    void aLowerVersionChangesNothingWhateverItsDateSaysAndAHigherOneWinsWhateverItsDateSays() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Versioned"))).path("id");
        fromMetricsService(id, UPDATED, table(id, Instant.now(), 5));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));

        fromMetricsService(id, UPDATED, "{\"caseStudyId\": \"" + id + "\", \"updatedAt\": \"9999-12-31T23:59:59Z\", \"version\": 4, \"rows\": []}");
        awaitHandled(id);
        People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3));

        fromMetricsService(id, UPDATED, table(id, Instant.parse("2020-01-01T00:00:00Z"), 6).replace("\"after\": 45", "\"after\": 44"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics[0].after", equalTo(44)));
    }

    @Test
    void eventsNotFromTheOwnerOfUnknownTypesOrWithBadDataAreDeadLetteredWithTheReasonAndChangeNothing() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Forged"))).path("id");
        fromMetricsService(id, UPDATED, table(id, Instant.now(), 1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));
        String empty = "{\"caseStudyId\": \"" + id + "\", \"updatedAt\": \"9999-12-31T23:59:59Z\", \"version\": 99, \"rows\": []}";

        String forged = Topics.ofThisService().sendCloudEvent("/casebook/casestudy-service", MetricsEvents.TOPIC, id, UPDATED, empty);
        String unknown = fromMetricsService(id, "dev.casebook.metrics.deleted.v1", empty);
        String invalid = fromMetricsService(id, UPDATED, empty.replace("\"version\": 99", "\"version\": -1"));

        List<ConsumerRecord<String, String>> dead = Topics.ofThisService().read(MetricsEvents.TOPIC + ".dlq",
                r -> List.of(forged, unknown, invalid).contains(Records.header(r, "ce_id")), 3, Duration.ofSeconds(30));
        assertEquals(3, dead.size(), Records.describe(dead));
        assertThat(reasonOf(dead, forged), containsString("does not come from its owner /casebook/metrics-service but from /casebook/casestudy-service"));
        assertThat(reasonOf(dead, unknown), containsString("(dev.casebook.metrics.deleted.v1) is of a type metrics-table-copy does not know"));
        assertThat(reasonOf(dead, invalid), containsString("version must be greater than or equal to 0"));
        People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3));
    }

    private static String reasonOf(List<ConsumerRecord<String, String>> dead, String eventId) {
        return dead.stream().filter(r -> eventId.equals(Records.header(r, "ce_id"))).findFirst()
                .map(r -> Records.header(r, "dead-letter-reason")).orElseThrow();
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("After garbage"))).path("id");
        Topics.ofThisService().send("metrics.events", id, "this is not json",
                "ce_specversion", "1.0", "ce_id", "garbage-" + id, "ce_type", UPDATED, "ce_source", MetricsEvents.SOURCE);
        fromMetricsService(id, UPDATED, table(id, Instant.now(), 1));

        List<ConsumerRecord<String, String>> dead = Topics.ofThisService().read("metrics.events.dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("this is not json", dead.get(0).value());
        assertNotNull(Records.header(dead.get(0), "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));
    }

    @Test
    void anImportedMetricsTableTravelsWithTheCreatedEvent() throws Exception {
        String markdown = """
                # Case Study: Imported metrics {n}

                ## Executive Summary

                Faster.

                ## Performance Metrics

                | Metric | Before | After | Improvement |
                |--------|--------|-------|-------------|
                | Response Time | 120 ms | 45 ms | 62.5% |
                | Throughput | 800 req/s | 600 req/s | -25.0% |
                | Queue Depth | 10 | 10 | 0.0% |
                """.replace("{n}", java.util.UUID.randomUUID().toString().substring(0, 8));
        String id = People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> created = Topics.ofThisService().read("casestudy.events",
                r -> id.equals(r.key()) && "dev.casebook.casestudy.created.v1".equals(Records.type(r)), 1, Duration.ofSeconds(30));
        assertEquals(1, created.size());
        JsonNode metrics = new ObjectMapper().readTree(created.get(0).value()).get("metrics");
        assertEquals(3, metrics.size());
        assertEquals("Response Time", metrics.get(0).get("name").asText());
        assertEquals("ms", metrics.get(0).get("unit").asText());
        assertEquals(120, metrics.get(0).get("before").asInt());
        assertEquals("LOWER", metrics.get(0).get("better").asText());
        assertEquals("HIGHER", metrics.get(1).get("better").asText(), "throughput fell and that was a regression");
        assertEquals(false, metrics.get(2).has("better"));
    }

    @Test
    void aMetricsRowWithoutNumbersIsNamedAndKeptAsProse() {
        String markdown = "# Case Study: Wordy table " + java.util.UUID.randomUUID() + "\n\n## Executive Summary\n\nx\n\n## Performance Metrics\n\n"
                + "| Metric | Before | After | Improvement |\n|---|---|---|---|\n| Speed | fast | faster | lots |\n| Response Time | 120 ms | 45 ms | 62.5% |\n";
        String id = People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(201)
                .body("importNotes[0].section", equalTo("Performance Metrics"))
                .body("importNotes[0].line", equalTo(11))
                .body("importNotes[0].note", containsString("Speed"))
                .body("metrics.name", equalTo(List.of("Response Time")))
                .extract().path("id");
        String rendered = People.alice().accept("text/markdown").get("/api/case-studies/" + id).then().extract().asString();
        assertThat(rendered, containsString("| Response Time | 120 ms | 45 ms | 62.5% |\n\n"
                + "| Metric | Before | After | Improvement |\n|--------|--------|-------|-------------|\n| Speed | fast | faster | lots |\n"));
    }
}
