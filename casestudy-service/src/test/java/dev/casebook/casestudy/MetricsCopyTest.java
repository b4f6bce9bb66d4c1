package dev.casebook.casestudy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String table(String caseStudyId, Instant updatedAt) {
        return """
                {"caseStudyId": "{id}", "updatedAt": "{at}", "rows": [
                  {"name": "Response Time", "unit": "ms", "before": 120, "after": 45, "better": "LOWER", "improvementPercent": 62.5},
                  {"name": "Throughput", "unit": "req/s", "before": 800, "after": 2000, "better": "HIGHER", "improvementPercent": 150},
                  {"name": "Error Rate", "unit": "%", "before": 0, "after": 0.2, "better": "LOWER", "improvementNote": "no baseline: before is 0"}
                ]}""".replace("{id}", caseStudyId).replace("{at}", updatedAt.toString());
    }

    @Test
    void aMetricsUpdateReachesTheJsonAndTheMarkdownTable() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Measured"))).path("id");
        String before = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");

        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, UPDATED, table(id, Instant.now()));

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
        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, PUBLISHED, table(id, published));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.anonymous().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));

        // The author edits: a new draft gets new numbers, which metrics-service announces as the working table.
        String etag = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.alice().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"summary\": \"Even faster.\"}")
                .patch("/api/case-studies/" + id).then().statusCode(200);
        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, UPDATED, table(id, published.plusSeconds(60))
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
        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, UPDATED, table(id, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3)));
        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, UPDATED,
                "{\"caseStudyId\": \"" + id + "\", \"updatedAt\": \"2020-01-01T00:00:00Z\", \"rows\": []}");
        Thread.sleep(2000);
        People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3));
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("After garbage"))).path("id");
        Topics.at(bootstrapServers).send("metrics.events", id, "this is not json",
                "ce_specversion", "1.0", "ce_id", "garbage-" + id, "ce_type", UPDATED);
        Topics.at(bootstrapServers).sendCloudEvent("metrics.events", id, UPDATED, table(id, Instant.now()));

        List<ConsumerRecord<String, String>> dead = Topics.at(bootstrapServers).read("metrics.events.dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
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

        List<ConsumerRecord<String, String>> created = Topics.at(bootstrapServers).read("casestudy.events",
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
