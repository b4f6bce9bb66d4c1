package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The projection follows casestudy.events: who owns a case study, where it stands, whether it is in analytics. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ProjectionTest {

    private static final String UPDATED = "dev.casebook.metrics.updated.v1";

    private static String uniqueMetric() {
        return "Checkout Latency " + UUID.randomUUID();
    }

    private static void putMetric(UUID id, String metric, int before, int after) {
        MetricsTableTest.put(People.eve(), id, "{\"rows\": [{\"name\": \"" + metric + "\", \"unit\": \"ms\", \"before\": " + before
                + ", \"after\": " + after + ", \"better\": \"LOWER\"}]}").statusCode(200);
    }

    private static List<String> topSlugs(String metric) {
        return People.anonymous().queryParam("metric", metric).get("/api/metrics/analytics/top").then().statusCode(200)
                .extract().jsonPath().getList("slug");
    }

    @Test
    void aCaseStudyIsPublicAndInAnalyticsWhilePublished() {
        String metric = uniqueMetric();
        UUID id = CaseStudies.draft(People.ALICE);
        putMetric(id, metric, 200, 100);
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
        assertEquals(List.of(), topSlugs(metric), "a draft is not in analytics");

        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus", "PostgreSQL")));
        People.anonymous().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows", hasSize(1));
        People.anonymous().queryParam("metric", metric).get("/api/metrics/analytics/top").then().statusCode(200)
                .body("slug", contains(CaseStudies.slugOf(id)))
                .body("title", contains("Faster checkout"))
                .body("industry", contains("Retail"));
        assertEquals(List.of("Quarkus", "PostgreSQL"), Database.strings(
                "SELECT name FROM case_study_technology WHERE case_study_id = ? ORDER BY name DESC", id));

        CaseStudies.update(id);
        assertEquals(List.of(CaseStudies.slugOf(id)), topSlugs(metric), "a published case study being re-edited stays published");

        CaseStudies.unpublish(id);
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
        assertEquals(List.of(), topSlugs(metric), "unpublished is out of analytics");
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200);

        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus")));
        assertEquals(List.of(CaseStudies.slugOf(id)), topSlugs(metric));
        assertEquals(List.of("Quarkus"), Database.strings("SELECT name FROM case_study_technology WHERE case_study_id = ?", id),
                "the tech stack is the one last published");

        CaseStudies.archive(id);
        assertEquals(List.of(), topSlugs(metric), "archived is out of analytics");
        assertProblem(MetricsTableTest.put(People.alice(), id, "{\"rows\": []}"), 409, "conflict").body("currentStatus", equalTo("ARCHIVED"));
    }

    @Test
    void aDeletedCaseStudyTakesItsMetricsAndSamplesWithIt() {
        String metric = uniqueMetric();
        UUID id = CaseStudies.published(People.ALICE, "Soon gone", "Media", Map.of("frontend", List.of("React")));
        putMetric(id, metric, 10, 5);
        SamplesTest.post(People.eve(), id, SamplesTest.KNOWN_SET).statusCode(202);
        UUID neighbour = CaseStudies.draft(People.ALICE);
        SamplesTest.post(People.alice(), neighbour, SamplesTest.KNOWN_SET).statusCode(202);

        CaseStudies.delete(id);
        assertProblem(People.ada().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
        assertEquals(0, Database.count("SELECT count(*) FROM metric_row WHERE case_study_id = ?", id));
        assertEquals(0, Database.count("SELECT count(*) FROM metrics_table WHERE case_study_id = ?", id));
        assertEquals(0, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
        assertEquals(0, Database.count("SELECT count(*) FROM case_study_technology WHERE case_study_id = ?", id));
        assertEquals(List.of(), topSlugs(metric));
        assertEquals(15, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", neighbour), "only its own samples");
        assertProblem(SamplesTest.post(People.ada(), id, SamplesTest.KNOWN_SET), 404, "not-found");
    }

    @Test
    void metricsImportedWithACaseStudyBecomeItsTable() {
        UUID id = CaseStudies.created(People.ALICE, """
                [{"name": "Response Time", "unit": "ms", "before": 850, "after": 120, "better": "LOWER"},
                 {"name": "Throughput", "before": 1000, "after": 2500},
                 {"name": "Error Rate", "unit": "%", "before": 0, "after": 0.2},
                 {"name": "Cold Start", "unit": "s", "before": 9, "after": 9},
                 {"name": "Build Time", "unit": "min", "before": -1, "after": 4, "better": "LOWER"},
                 {"name": "Deploys", "unit": "per day", "before": "often", "after": 4, "better": "HIGHER"},
                 {"name": "Pages", "unit": "count", "before": 4, "after": 12, "better": "HIGHER", "source": "markdown"}]""");
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200)
                .body("rows.name", contains("Response Time", "Throughput", "Error Rate", "Cold Start", "Pages"))
                .body("rows.unit", contains("ms", "req/s", "%", "s", "count"))
                .body("rows.better", contains("LOWER", "HIGHER", "LOWER", null, "HIGHER"))
                .body("rows[1].improvementPercent", equalTo(150))
                .body("rows[2].improvementNote", equalTo("no baseline: before is 0"))
                // a metric the catalogue does not know, whose Markdown did not say which way is better
                .body("rows[3].improvementPercent", nullValue())
                .body("rows[3].improvementNote", equalTo("no direction: set better to LOWER or HIGHER"))
                .body("rows[4].improvementPercent", equalTo(200));
        List<ConsumerRecord<String, String>> events = Topics.ofThisService().read("metrics.events", r -> r.key().equals(id.toString()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size(), "adopting the imported rows is a change like a PUT");
        assertEquals(UPDATED, Records.header(events.get(0), "ce_type"));
        assertThat(events.get(0).value(), containsString("\"name\":\"Pages\""));
    }

    @Test
    void importedRowsTakeTheCataloguesDirectionAndMayLackAUnit() {
        // "-95%" for a fall in the error rate reads as "higher is better"; the catalogue knows better
        UUID id = CaseStudies.created(People.ALICE, """
                [{"name": "Error Rate", "unit": "%", "before": 2, "after": 0.1, "better": "HIGHER"},
                 {"name": "Incidents", "before": 12, "after": 3, "better": "LOWER"}]""");
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200)
                .body("rows.name", contains("Error Rate", "Incidents"))
                .body("rows.better", contains("LOWER", "LOWER"))
                .body("rows.unit", contains("%", ""))
                .body("rows[0].improvementPercent", equalTo(95))
                .body("rows[1].improvementPercent", equalTo(75));
    }

    @Test
    void importedRowsThatAreAllLeftOutStillAnnounceATable() {
        UUID id = CaseStudies.created(People.ALICE, """
                [{"name": "Build Time", "unit": "min", "before": -1, "after": 4, "better": "LOWER"}]""");
        List<ConsumerRecord<String, String>> events = Topics.ofThisService().read("metrics.events", r -> r.key().equals(id.toString()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size(), "casestudy-service replaces the rows as written by this empty table");
        assertThat(events.get(0).value(), containsString("\"rows\":[]"));
    }

    @Test
    void aCaseStudyWithoutImportedMetricsHasAnEmptyTable() {
        UUID id = CaseStudies.created(People.ALICE, "[]");
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows", empty());
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id.toString()));
    }

    @Test
    void aRepeatedEventTakesEffectOnce() {
        UUID id = UUID.randomUUID();
        String created = UUID.randomUUID().toString();
        String createdData = """
                {"id": "%s", "slug": "twice", "status": "DRAFT", "version": 0, "authorId": "%s", "changed": [], "comment": null,
                 "metrics": [{"name": "Response Time", "before": 2, "after": 1}]}""".formatted(id, People.ALICE);
        CaseStudies.send(id, created, "created", createdData);
        CaseStudies.send(id, created, "created", createdData);
        String published = UUID.randomUUID().toString();
        String publishedData = """
                {"id": "%s", "slug": "twice", "status": "PUBLISHED", "version": 2, "authorId": "%s", "title": "Twice",
                 "client": {"industry": "Retail"}, "techStack": {"backend": ["Java"]}}""".formatted(id, People.ALICE);
        CaseStudies.send(id, published, "published", publishedData);
        CaseStudies.send(id, "unpublished", """
                {"id": "%s", "slug": "twice", "status": "DRAFT", "version": 3, "authorId": "%s", "changed": ["status"], "comment": null}"""
                .formatted(id, People.ALICE));
        CaseStudies.send(id, published, "published", publishedData); // redelivered after the unpublish
        String last = CaseStudies.send(id, "submitted", """
                {"id": "%s", "slug": "twice", "status": "IN_REVIEW", "version": 4, "authorId": "%s", "changed": ["status"], "comment": null}"""
                .formatted(id, People.ALICE));
        CaseStudies.awaitApplied(last);

        assertEquals(1, CaseStudies.processed(created));
        assertEquals(1, CaseStudies.processed(published));
        assertEquals(1, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = ?", id.toString(), UPDATED),
                "the imported table was adopted once");
        assertEquals(1, Database.count("SELECT count(*) FROM case_study WHERE id = ? AND status = 'IN_REVIEW' AND NOT published", id),
                "the old published event, delivered again, did not undo the unpublish");
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
    }

    @Test
    void aDeletedEventNotFromCasestudyServiceIsDeadLetteredAndDeletesNothing() {
        UUID id = CaseStudies.draft(People.BOB);
        String forged = UUID.randomUUID().toString();
        Topics.ofThisService().send(CaseStudies.TOPIC, id.toString(), CaseStudies.change(id, "DRAFT", ""),
                "ce_specversion", "1.0", "ce_id", forged, "ce_type", "dev.casebook.casestudy.deleted.v1",
                "ce_source", "/casebook/metrics-service", "content-type", "application/json");

        List<ConsumerRecord<String, String>> dead = Topics.ofThisService().read(CaseStudies.TOPIC + ".dlq",
                r -> forged.equals(Records.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertThat(Records.header(dead.get(0), "dead-letter-reason"),
                containsString("does not come from its owner /casebook/casestudy-service but from /casebook/metrics-service"));
        assertEquals(1, Database.count("SELECT count(*) FROM case_study WHERE id = ?", id), "still there");
        assertEquals(0, CaseStudies.processed(forged));
    }

    @Test
    void anEventThatCannotBeAppliedIsDeadLetteredAndTheNextIsApplied() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        Topics.ofThisService().send(CaseStudies.TOPIC, key, "{\"id\": \"" + id + "\"}"); // no CloudEvents headers
        CaseStudies.send(id, "published", "<html>not json</html>");
        CaseStudies.send(id, "updated", "{\"id\": \"" + id + "\", \"status\": \"DRAFT\"}"); // lacks slug and author
        String good = CaseStudies.send(id, "created", """
                {"id": "%s", "slug": "after-garbage", "status": "DRAFT", "version": 0, "authorId": "%s", "changed": [], "comment": null}"""
                .formatted(id, People.BOB));

        List<ConsumerRecord<String, String>> dead = Topics.ofThisService().read(CaseStudies.TOPIC + ".dlq", r -> key.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(3, dead.size());
        assertThat(Records.header(dead.get(0), "dead-letter-reason"), containsString("is not a CloudEvent"));
        assertThat(Records.header(dead.get(1), "dead-letter-reason"), containsString("does not carry JSON"));
        assertThat(Records.header(dead.get(2), "dead-letter-reason"), containsString("lacks slug"));
        assertEquals("dev.casebook.casestudy.updated.v1", Records.header(dead.get(2), "ce_type"), "the original headers stay");

        CaseStudies.awaitApplied(good);
        People.bob().get("/api/metrics/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void eventsOfOtherKindsAreIgnored() {
        UUID id = CaseStudies.draft(People.ALICE);
        CaseStudies.send(id, "renamed", "{\"id\": \"" + id + "\"}");
        CaseStudies.submit(id);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                Database.count("SELECT count(*) FROM case_study WHERE id = ? AND status = 'IN_REVIEW'", id) == 1);
        assertEquals(0, Database.count("SELECT count(*) FROM case_study WHERE id = ? AND status = 'DRAFT'", id));
    }
}
