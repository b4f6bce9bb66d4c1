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

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published numbers change only through review: metrics set on a published case study's new draft stay with its
 * author and the editors until the next publish; the public, the metrics API and analytics keep the published ones.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class PublishedNumbersTest {

    private static final String PUBLISHED = "dev.casebook.metrics.published.v1";

    private static void table(UUID id, String metric, int before, int after) {
        MetricsTableTest.put(People.alice(), id, "{\"rows\": [{\"name\": \"" + metric + "\", \"unit\": \"ms\", \"before\": " + before
                + ", \"after\": " + after + ", \"better\": \"LOWER\"}]}").statusCode(200);
    }

    private static List<Integer> publicAfter(UUID id) {
        return People.anonymous().get("/api/metrics/case-studies/" + id).then().statusCode(200).extract().jsonPath().getList("rows.after");
    }

    private static List<Integer> topAfter(String metric) {
        return People.anonymous().queryParam("metric", metric).get("/api/metrics/analytics/top").then().statusCode(200)
                .extract().jsonPath().getList("after");
    }

    @Test
    void newNumbersOnADraftOfAPublishedCaseStudyWaitForItsNextPublish() {
        String metric = "Checkout Latency " + UUID.randomUUID();
        UUID id = CaseStudies.draft(People.ALICE);
        table(id, metric, 200, 100);
        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus")));
        assertEquals(List.of(100), publicAfter(id));
        assertEquals(List.of(100), topAfter(metric));

        CaseStudies.update(id); // a small edit: a new draft, the published copy stays
        table(id, metric, 200, 1);

        assertEquals(List.of(100), publicAfter(id), "the public reads the reviewed numbers");
        assertEquals(List.of(100), topAfter(metric), "analytics count the reviewed numbers");
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows.after", contains(1));
        People.eve().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows.after", contains(1));
        People.bob().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows.after", contains(100));

        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus")));
        assertEquals(List.of(1), publicAfter(id), "published after review");
        assertEquals(List.of(1), topAfter(metric));
    }

    @Test
    void aReaderKeepsThePublishedTableUntilItsNextPublishAndItsAuthorSeesEachEdit() {
        String metric = "Checkout Latency " + UUID.randomUUID();
        UUID id = CaseStudies.draft(People.ALICE);
        table(id, metric, 200, 100);
        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus")));
        String path = "/api/metrics/case-studies/" + id;
        String publicTag = People.anonymous().get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60")).header("Vary", equalTo("Accept, Authorization"))
                .extract().header("ETag");
        String authorTag = People.alice().get(path).then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"))
                .extract().header("ETag");

        CaseStudies.update(id); // a new draft; the published copy stays
        publicTag = People.anonymous().get(path).then().statusCode(200).body("rows.after", contains(100)).extract().header("ETag");
        table(id, metric, 200, 1); // the author's new numbers wait for review
        People.anonymous().header("If-None-Match", publicTag).get(path).then().statusCode(304).header("ETag", equalTo(publicTag));
        People.alice().header("If-None-Match", authorTag).get(path).then().statusCode(200).body("rows.after", contains(1));

        CaseStudies.submit(id);
        CaseStudies.publish(id, "Faster checkout", "Retail", Map.of("backend", List.of("Quarkus")));
        People.anonymous().header("If-None-Match", publicTag).get(path).then().statusCode(200).body("rows.after", contains(1));
        CaseStudies.unpublish(id);
        People.anonymous().header("If-None-Match", publicTag).get(path).then().statusCode(404);
    }

    @Test
    void eachPublishAnnouncesThePublishedTable() {
        UUID id = CaseStudies.draft(People.ALICE);
        table(id, "Cold Start " + UUID.randomUUID(), 9, 3);
        CaseStudies.submit(id);
        CaseStudies.publish(id, "Quicker starts", null, Map.of());

        List<ConsumerRecord<String, String>> published = Topics.ofThisService().read("metrics.events",
                r -> r.key().equals(id.toString()) && PUBLISHED.equals(Records.header(r, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(1, published.size());
        assertEquals(id.toString(), Records.header(published.get(0), "ce_subject"));
    }
}
