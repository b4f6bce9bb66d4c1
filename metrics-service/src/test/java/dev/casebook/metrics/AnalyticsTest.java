package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static dev.casebook.metrics.Near.near;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Analytics over a small world of its own (a metric, industries and technologies no other test uses), with
 * results worked out by hand: improvements 50, 25 and -10 percent, and one case study without a baseline.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class AnalyticsTest {


    private String metric;
    private String u;
    private UUID fifty;
    private UUID twentyFive;
    private UUID minusTen;

    private void table(UUID id, int before, int after) {
        MetricsTableTest.put(People.eve(), id, "{\"rows\": [{\"name\": \"" + metric + "\", \"unit\": \"ms\", \"before\": " + before
                + ", \"after\": " + after + ", \"better\": \"LOWER\"}, {\"name\": \"Response Time\", \"before\": 2, \"after\": 1}]}").statusCode(200);
        if (CaseStudies.wasPublished(id)) {
            CaseStudies.republish(id); // new numbers count once they are published
        }
    }

    @BeforeEach
    void aWorldOfItsOwn() {
        u = UUID.randomUUID().toString().substring(0, 8);
        metric = "Checkout Latency " + u;
        fifty = CaseStudies.published(People.ALICE, "Fifty " + u, "Retail " + u,
                Map.of("backend", List.of("Quarkus " + u, "Kafka " + u), "infrastructure", List.of("Quarkus " + u)));
        table(fifty, 200, 100);
        twentyFive = CaseStudies.published(People.BOB, "Twenty-five " + u, "retail " + u, Map.of("backend", List.of("quarkus " + u)));
        table(twentyFive, 200, 150);
        minusTen = CaseStudies.published(People.ALICE, "Minus ten " + u, "Banking " + u, Map.of("frontend", List.of("React " + u)));
        table(minusTen, 100, 110);
        UUID noBaseline = CaseStudies.published(People.ALICE, "No baseline " + u, null, Map.of());
        table(noBaseline, 0, 5);

        UUID draft = CaseStudies.draft(People.ALICE);
        table(draft, 100, 1);
        UUID unpublished = CaseStudies.published(People.ALICE, "Unpublished " + u, "Retail " + u, Map.of("backend", List.of("Quarkus " + u)));
        table(unpublished, 100, 1);
        CaseStudies.unpublish(unpublished);
    }

    private static ValidatableResponse get(String path, String metric) {
        return People.anonymous().queryParam("metric", metric).get("/api/metrics/analytics/" + path).then().statusCode(200);
    }

    @Test
    void aCopyStaysCurrentUntilPublishedNumbersChangeAndAnyCacheMayKeepIt() {
        String tag = get("summary", metric).header("Cache-Control", equalTo("public, max-age=60"))
                .header("ETag", notNullValue()).extract().header("ETag");
        People.anonymous().header("If-None-Match", tag).queryParam("metric", metric).get("/api/metrics/analytics/summary").then()
                .statusCode(304).header("ETag", equalTo(tag)).header("Cache-Control", equalTo("public, max-age=60"))
                .body(emptyString());
        // The same for a signed-in reader: analytics hold published numbers only.
        People.eve().header("If-None-Match", tag).queryParam("metric", metric).get("/api/metrics/analytics/summary").then()
                .statusCode(304);

        table(fifty, 200, 20); // republished: 90 %
        String changed = People.anonymous().header("If-None-Match", tag).queryParam("metric", metric)
                .get("/api/metrics/analytics/summary").then().statusCode(200)
                .body("[0].maxImprovementPercent", near(90))
                .extract().header("ETag");
        assertNotEquals(tag, changed);
        People.anonymous().header("If-None-Match", changed).queryParam("metric", metric).queryParam("limit", 1)
                .get("/api/metrics/analytics/top").then().statusCode(304);
    }

    @Test
    void theSummaryCountsPublishedCaseStudiesPerMetric() {
        get("summary", metric.toUpperCase())
                .body("", hasSize(1))
                .body("[0].name", equalTo(metric))
                .body("[0].caseStudies", equalTo(4))
                .body("[0].withoutBaseline", equalTo(1))
                .body("[0].meanImprovementPercent", near(65.0 / 3))
                .body("[0].medianImprovementPercent", near(25))
                .body("[0].minImprovementPercent", near(-10))
                .body("[0].maxImprovementPercent", near(50));
        People.anonymous().get("/api/metrics/analytics/summary").then().statusCode(200)
                .body("find { it.name == '" + metric + "' }.caseStudies", equalTo(4));
    }

    @Test
    void byIndustryGroupsIndustriesHoweverTheyAreCapitalised() {
        get("by-industry", metric)
                .body("industry", hasSize(3))
                .body("[0].industry", equalTo("Banking " + u))
                .body("[0].metrics", hasSize(1))
                .body("[0].metrics[0].caseStudies", equalTo(1))
                .body("[0].metrics[0].meanImprovementPercent", near(-10))
                .body("[1].industry", equalToIgnoringCase("retail " + u))
                .body("[1].metrics[0].name", equalTo(metric))
                .body("[1].metrics[0].caseStudies", equalTo(2))
                .body("[1].metrics[0].meanImprovementPercent", near(37.5))
                .body("[1].metrics[0].medianImprovementPercent", near(37.5))
                .body("[1].metrics[0].minImprovementPercent", near(25))
                .body("[1].metrics[0].maxImprovementPercent", near(50))
                .body("[2].industry", nullValue())
                .body("[2].metrics[0].caseStudies", equalTo(1))
                .body("[2].metrics[0].withoutBaseline", equalTo(1))
                .body("[2].metrics[0].meanImprovementPercent", nullValue());
    }

    @Test
    void byTechnologyCountsACaseStudyOncePerTechnology() {
        get("by-technology", metric)
                .body("technology", contains("Kafka " + u, "Quarkus " + u, "React " + u))
                .body("[0].metrics[0].caseStudies", equalTo(1))
                .body("[0].metrics[0].meanImprovementPercent", near(50))
                .body("[1].metrics[0].caseStudies", equalTo(2))
                .body("[1].metrics[0].meanImprovementPercent", near(37.5))
                .body("[2].metrics[0].maxImprovementPercent", near(-10));
        People.anonymous().get("/api/metrics/analytics/by-technology").then().statusCode(200)
                .body("find { it.technology == 'Kafka " + u + "' }.metrics.name", contains(metric, "Response Time"));
    }

    @Test
    void anImprovementIsOneNumberInTheTableTheTopListAndEveryStatistic() {
        String alone = "Settlement Time " + u;
        UUID id = CaseStudies.published(People.ALICE, "Repeating " + u, null, Map.of());
        ExtractableResponse<Response> table = MetricsTableTest.put(People.eve(), id, "{\"rows\": [{\"name\": \"" + alone
                + "\", \"unit\": \"ms\", \"before\": 850, \"after\": 120, \"better\": \"LOWER\"}]}").statusCode(200).extract();
        CaseStudies.republish(id);
        ExtractableResponse<Response> top = get("top", alone).extract();
        ExtractableResponse<Response> summary = get("summary", alone).extract();

        // 730 / 850 * 100 = 85.882352941176470588..., to the 15 significant digits every computed number has
        BigDecimal expected = new BigDecimal("85.8823529411765");
        assertEquals(expected, Json.decimal(table, "rows[0].improvementPercent"));
        assertEquals(expected, Json.decimal(top, "[0].improvementPercent"));
        for (String statistic : List.of("mean", "median", "min", "max")) {
            assertEquals(expected, Json.decimal(summary, "[0]." + statistic + "ImprovementPercent"), statistic);
        }
    }

    @Test
    void topListsTheLargestImprovementsFirst() {
        People.anonymous().queryParam("metric", metric).get("/api/metrics/analytics/top").then().statusCode(200)
                .body("caseStudyId", contains(fifty.toString(), twentyFive.toString(), minusTen.toString()))
                .body("slug", contains(CaseStudies.slugOf(fifty), CaseStudies.slugOf(twentyFive), CaseStudies.slugOf(minusTen)))
                .body("title", contains("Fifty " + u, "Twenty-five " + u, "Minus ten " + u))
                .body("improvementPercent", contains(50, 25, -10))
                .body("[0].metric", equalTo(metric))
                .body("[0].unit", equalTo("ms"))
                .body("[0].before", equalTo(200))
                .body("[0].after", equalTo(100));
        People.anonymous().queryParam("metric", metric.toLowerCase()).queryParam("limit", 2).get("/api/metrics/analytics/top").then()
                .statusCode(200).body("title", contains("Fifty " + u, "Twenty-five " + u));
    }

    @Test
    void topNeedsAMetricAndASensibleLimit() {
        assertProblem(People.anonymous().get("/api/metrics/analytics/top").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("metric"));
        for (String limit : List.of("0", "101", "-1")) {
            assertProblem(People.anonymous().queryParam("metric", metric).queryParam("limit", limit).get("/api/metrics/analytics/top").then(),
                    400, "validation-failed").body("errors[0].field", equalTo("limit"));
        }
        assertProblem(People.anonymous().queryParam("metric", metric).queryParam("limit", "ten").get("/api/metrics/analytics/top").then(),
                400, "bad-request");
    }

    @Test
    void anUnknownMetricHasNoAnalytics() {
        get("summary", "Nothing " + u).body("", hasSize(0));
        get("top", "Nothing " + u).body("", hasSize(0));
    }
}
