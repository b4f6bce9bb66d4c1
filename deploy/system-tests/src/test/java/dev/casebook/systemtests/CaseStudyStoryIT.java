package dev.casebook.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Records;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The life of one case study, told through the gateway only: written by an author, reviewed and published by
 * an editor, found and read by anyone, counted in analytics, announced on Kafka, and withdrawn again.
 */
@ExtendWith(RunningCasebook.class)
class CaseStudyStoryIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String PUBLISHED = "dev.casebook.casestudy.published.v1";
    private static final String METRICS_UPDATED = "dev.casebook.metrics.updated.v1";

    // The story's state, passed from step to step: one case study, its author and its editor.
    private final String n = UUID.randomUUID().toString().substring(0, 8);
    private final String word = uniqueWord();
    private final String slug = "story-" + n;
    private final String ownMetric = "Story Latency " + n;
    private Accounts.Tokens author;
    private Accounts.Tokens editor;
    private String id;

    /** A word no other case study contains, for full-text search (letters only, so no parser splits it). */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void aCaseStudyIsWrittenReviewedPublishedReadAnnouncedAndWithdrawn() throws Exception {
        theAdminMakesAnAuthorAndAnEditor();
        theAuthorImportsACaseStudyWrittenInTheTemplate();
        metricsServiceAdoptsTheImportedTable();
        theAuthorEditsWithTheCurrentETagAndAStaleOneIsRefused();
        theAuthorSetsTheMetricsTableAndPostsSamples();
        theEditorSendsItBackAndThenPublishesIt();
        anyoneFindsItAndReadsItAsJsonAndMarkdown();
        analyticsCountsItOncePublished();
        anotherTeamsServiceGetsThePublishedDocument();
        anotherTeamsServiceGetsTheMetricsTable();
        theEditorWithdrawsItButItsAuthorStillHasIt();
    }

    /** The admin makes an author and an editor. */
    private void theAdminMakesAnAuthorAndAnEditor() {
        author = RunningCasebook.newUser("author");
        editor = RunningCasebook.newUser("editor");
    }

    /** The author imports a case study written in the template, with a metrics table. */
    private void theAuthorImportsACaseStudyWrittenInTheTemplate() {
        String markdown = """
                ---
                slug: {slug}
                client: Story Freight
                industry: Logistics
                tags:
                  - story
                ---

                # Case Study: Route planner {n}

                ## Executive Summary

                The {word} route planner answered too slowly at peak.

                ## Performance Metrics

                | Metric | Before | After | Improvement |
                |--------|--------|-------|-------------|
                | Response Time | 120 ms | 45 ms | 62.5% |
                """.replace("{slug}", slug).replace("{n}", n).replace("{word}", word);
        var imported = author.request().contentType("text/markdown").body(markdown)
                .post("/api/case-studies/import").then().statusCode(201).extract();
        id = imported.path("id");
        assertNotNull(id);
    }

    /** metrics-service adopts the imported table, and its event brings it back to the case study. */
    private void metricsServiceAdoptsTheImportedTable() {
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/metrics/case-studies/" + id).then()
                .statusCode(200).body("rows.name", hasItem("Response Time")));
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/case-studies/" + id).then()
                .statusCode(200).body("metrics.name", hasItem("Response Time")));
    }

    /** Editing with ETags: the current one is accepted, a stale one is a 412. */
    private void theAuthorEditsWithTheCurrentETagAndAStaleOneIsRefused() {
        String first = author.request().get("/api/case-studies/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).extract().header("ETag");
        assertNotNull(first);
        String second = author.request().contentType("application/merge-patch+json").header("If-Match", first)
                .body("{\"summary\": \"The " + word + " route planner answered in two minutes at peak; now in under one.\"}")
                .patch("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
        assertNotNull(second);
        assertFalse(second.equals(first), "a saved change has a new ETag");
        assertProblem(author.request().contentType("application/merge-patch+json").header("If-Match", first)
                .body("{\"summary\": \"A lost update.\"}").patch("/api/case-studies/" + id).then(), 412);
        author.request().get("/api/case-studies/" + id).then().statusCode(200)
                .body("summary", containsString("in under one"));
    }

    /** The author sets the metrics table and posts raw samples. */
    private void theAuthorSetsTheMetricsTableAndPostsSamples() {
        author.request().contentType(ContentType.JSON).body("""
                {"rows": [
                  {"name": "Response Time", "before": 120, "after": 45},
                  {"name": "{own}", "unit": "ms", "before": 200, "after": 50, "better": "LOWER"}
                ]}""".replace("{own}", ownMetric))
                .put("/api/metrics/case-studies/" + id).then().statusCode(200);
        List<Map<String, Object>> samples = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(3600);
        for (int i = 1; i <= 10; i++) {
            samples.add(Map.of("metric", "Response Time", "phase", "BEFORE", "value", 100 + i * 4, "at", at.plusSeconds(i).toString()));
            samples.add(Map.of("metric", "Response Time", "phase", "AFTER", "value", 40 + i, "at", at.plusSeconds(100 + i).toString()));
        }
        author.request().contentType(ContentType.JSON).body(samples)
                .post("/api/metrics/case-studies/" + id + "/samples").then().statusCode(202);
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request()
                .get("/api/metrics/case-studies/" + id + "/samples/summary").then().statusCode(200)
                .body("metrics.find { it.metric == 'Response Time' }.before.count", equalTo(10))
                .body("metrics.find { it.metric == 'Response Time' }.after.count", equalTo(10))
                .body("metrics.find { it.metric == 'Response Time' }.before.max", equalTo(140))
                .body("metrics.find { it.metric == 'Response Time' }.after.min", equalTo(41)));
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/case-studies/" + id).then()
                .statusCode(200).body("metrics.name", hasItems("Response Time", ownMetric)));
    }

    /** Review: submitted, sent back with a comment the author sees, resubmitted, published. */
    private void theEditorSendsItBackAndThenPublishesIt() {
        author.request().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        editor.request().contentType(ContentType.JSON).body(Map.of("comment", "Say what peak means for " + word + "."))
                .post("/api/case-studies/" + id + "/request-changes").then().statusCode(200);
        author.request().get("/api/case-studies/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("reviewComment", equalTo("Say what peak means for " + word + "."));
        author.request().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        editor.request().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
    }

    /** Anyone finds it by full-text search and reads it, as JSON with its metrics and as Markdown with the table. */
    private void anyoneFindsItAndReadsItAsJsonAndMarkdown() {
        await().atMost(EVENTUALLY).untilAsserted(() -> given().get("/api/case-studies?q=" + word).then()
                .statusCode(200).body("items.id", hasItem(id)));
        given().get("/api/case-studies/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("slug", equalTo(slug))
                .body("title", equalTo("Route planner " + n))
                .body("metrics.name", hasItems("Response Time", ownMetric))
                .body("metrics.find { it.name == 'Response Time' }.improvementPercent", equalTo(62.5f));
        String read = given().accept("text/markdown").get("/api/case-studies/" + slug).then().statusCode(200)
                .extract().asString();
        assertThat(read, containsString("# Case Study: Route planner " + n));
        assertThat(read, containsString("| Response Time | 120 ms | 45 ms | 62.5% |\n"));
        assertThat(read, containsString("| " + ownMetric + " | 200 ms | 50 ms | 75.0% |\n"));
    }

    /** Analytics counts it once metrics-service heard that it was published. */
    private void analyticsCountsItOncePublished() {
        await().atMost(EVENTUALLY).untilAsserted(() -> given().get("/api/metrics/analytics/top?metric=" + ownMetric).then()
                .statusCode(200).body("caseStudyId", hasItem(id))
                .body("find { it.caseStudyId == '" + id + "' }.improvementPercent", notNullValue()));
        given().get("/api/metrics/analytics/summary?metric=" + ownMetric).then().statusCode(200)
                .body("[0].caseStudies", equalTo(1));
    }

    /** Another team's service, subscribed to casestudy.events, got the whole published document, once. */
    private void anotherTeamsServiceGetsThePublishedDocument() throws Exception {
        List<ConsumerRecord<String, String>> published = RunningCasebook.topics().read("casestudy.events",
                r -> id.equals(r.key()) && PUBLISHED.equals(Records.type(r)), found -> !found.isEmpty(), EVENTUALLY);
        // Delivery is at least once: a repeat would carry the same ce_id, so the events are counted by id.
        assertEquals(1, Records.distinct(published).size(), Records.describe(published));
        ConsumerRecord<String, String> event = published.get(0);
        assertEquals("1.0", Records.header(event, "ce_specversion"));
        assertNotNull(Records.header(event, "ce_id"));
        assertNotNull(Records.header(event, "ce_source"));
        assertNotNull(Instant.parse(Records.header(event, "ce_time")));
        assertEquals(slug, Records.header(event, "ce_subject"));
        assertThat(Records.header(event, "content-type"), containsString("application/json"));
        JsonNode document = new ObjectMapper().readTree(event.value());
        assertEquals(id, document.get("id").asText());
        assertEquals("PUBLISHED", document.get("status").asText());
        assertEquals("Route planner " + n, document.get("title").asText());
        assertEquals("Logistics", document.path("client").path("industry").asText());
        assertThat(document.get("summary").asText(), containsString("in under one"));
        List<String> metricNames = new ArrayList<>();
        document.get("metrics").forEach(row -> metricNames.add(row.get("name").asText()));
        assertThat(metricNames, hasItems("Response Time", ownMetric));
    }

    /** Subscribed to metrics.events, it got the metrics table the author set. */
    private void anotherTeamsServiceGetsTheMetricsTable() throws Exception {
        List<ConsumerRecord<String, String>> metricsUpdates = RunningCasebook.topics().read("metrics.events",
                r -> id.equals(r.key()) && METRICS_UPDATED.equals(Records.type(r)),
                found -> found.stream().anyMatch(r -> r.value().contains(ownMetric)), EVENTUALLY);
        ConsumerRecord<String, String> last = metricsUpdates.stream().filter(r -> r.value().contains(ownMetric))
                .findFirst().orElseThrow(() -> new AssertionError("no metrics.updated event with the table set by PUT:\n"
                        + Records.describe(metricsUpdates)));
        JsonNode table = new ObjectMapper().readTree(last.value());
        assertEquals(id, table.get("caseStudyId").asText());
        assertEquals(2, table.get("rows").size());
        assertNotNull(Records.header(last, "ce_id"));
    }

    /** The editor withdraws it: gone from public reads and from analytics; its author still has it. */
    private void theEditorWithdrawsItButItsAuthorStillHasIt() {
        editor.request().post("/api/case-studies/" + id + "/unpublish").then().statusCode(200);
        assertProblem(given().get("/api/case-studies/" + id).then(), 404);
        given().accept("text/markdown").get("/api/case-studies/" + slug).then().statusCode(404);
        given().get("/api/case-studies?q=" + word).then().statusCode(200).body("items.id", not(hasItem(id)));
        await().atMost(EVENTUALLY).untilAsserted(() -> given().get("/api/metrics/analytics/top?metric=" + ownMetric).then()
                .statusCode(200).body("caseStudyId", not(hasItem(id))));
        // Its author still has it.
        author.request().get("/api/case-studies/" + id).then().statusCode(200);
    }
}
