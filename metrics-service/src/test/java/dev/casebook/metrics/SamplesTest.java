package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.metrics.Near.near;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SamplesTest {

    static final double EXACT = 1e-9;

    static String sample(String metric, String phase, Object value) {
        return "{\"metric\": \"" + metric + "\", \"phase\": \"" + phase + "\", \"value\": " + value + ", \"at\": \"2026-01-31T12:00:00Z\"}";
    }

    static String samples(String metric, String phase, double... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> sample(metric, phase, v)).collect(Collectors.joining(", "));
    }

    /** Response Time before: 100, 200, 300, 400, 1000; after: 10, 20, ..., 100. */
    static final String KNOWN_SET = "[" + samples("Response Time", "BEFORE", 1000, 300, 100, 400, 200) + ", "
            + samples("response time", "AFTER", 100, 90, 80, 70, 60, 50, 40, 30, 20, 10) + "]";

    static ValidatableResponse post(RequestSpecification who, UUID caseStudyId, String body) {
        return who.contentType(ContentType.JSON).body(body).post("/api/metrics/case-studies/" + caseStudyId + "/samples").then();
    }

    static ValidatableResponse summary(UUID caseStudyId) {
        return People.alice().get("/api/metrics/case-studies/" + caseStudyId + "/samples/summary").then().statusCode(200);
    }

    static ValidatableResponse derive(RequestSpecification who, UUID caseStudyId, String body) {
        RequestSpecification request = body == null ? who : who.contentType(ContentType.JSON).body(body);
        return request.post("/api/metrics/case-studies/" + caseStudyId + "/derive").then();
    }

    @Test
    void theSummaryHasTheStatisticsComputedByHand() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, KNOWN_SET).statusCode(202)
                .body("caseStudyId", equalTo(id.toString()))
                .body("accepted", equalTo(15));

        // Percentiles interpolate between the two nearest ranks, as percentile_cont does: rank = p * (n - 1).
        // Before (n = 5, sorted 100 200 300 400 1000): p50 at rank 2 = 300; p95 at 3.8 = 400 + 0.8 * 600 = 880;
        // p99 at 3.96 = 400 + 0.96 * 600 = 976; mean 2000 / 5 = 400.
        // After (n = 10, sorted 10 .. 100): p50 at 4.5 = 55; p95 at 8.55 = 95.5; p99 at 8.91 = 99.1; mean 55.
        summary(id)
                .body("caseStudyId", equalTo(id.toString()))
                .body("metrics", hasSize(1))
                .body("metrics[0].metric", equalTo("Response Time"))
                .body("metrics[0].before.count", equalTo(5))
                .body("metrics[0].before.min", near(100))
                .body("metrics[0].before.max", near(1000))
                .body("metrics[0].before.mean", near(400))
                .body("metrics[0].before.p50", near(300))
                .body("metrics[0].before.p95", near(880))
                .body("metrics[0].before.p99", near(976))
                .body("metrics[0].after.count", equalTo(10))
                .body("metrics[0].after.min", near(10))
                .body("metrics[0].after.max", near(100))
                .body("metrics[0].after.mean", near(55))
                .body("metrics[0].after.p50", near(55))
                .body("metrics[0].after.p95", near(95.5))
                .body("metrics[0].after.p99", near(99.1));
    }

    @Test
    void aMetricNamedWithCommasQuotesAndBackslashesIsStoredAsWritten() {
        UUID id = CaseStudies.draft(People.ALICE);
        // JSON for: p99, "cold" \ warm<TAB>path (samples go in with COPY, whose CSV must take such text as written)
        String name = "p99, \\\"cold\\\" \\\\ warm\\tpath";
        post(People.alice(), id, "[" + sample(name, "AFTER", 7) + ", " + sample(name, "AFTER", 9) + "]").statusCode(202);
        summary(id).body("metrics", hasSize(1))
                .body("metrics[0].metric", equalTo("p99, \"cold\" \\ warm\tpath"))
                .body("metrics[0].after.count", equalTo(2))
                .body("metrics[0].after.mean", near(8));
    }

    @Test
    void eachSampleIsStoredWithItsNameValueAndTimeAsSent() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, "[{\"metric\": \"Résumé 応答時間\", \"phase\": \"BEFORE\", \"value\": 0.1, "
                + "\"at\": \"2026-01-31T12:00:00.123456789Z\"}, {\"metric\": \"Résumé 応答時間\", \"phase\": \"AFTER\", \"value\": 1e15}]")
                .statusCode(202);
        // Timestamps to the microsecond, as PostgreSQL keeps them; a sample without a time was measured when received.
        assertEquals(List.of("Résumé 応答時間 BEFORE 0.1 2026-01-31T12:00:00.123457Z false",
                        "Résumé 応答時間 AFTER 1.0E15 received true"),
                Database.strings("SELECT metric || ' ' || phase || ' ' || CASE WHEN value = 1e15 THEN '1.0E15' ELSE value::text END || ' '"
                        + " || CASE WHEN measured_at = received_at THEN 'received' ELSE to_char(measured_at AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END || ' ' || (measured_at = received_at)"
                        + " FROM sample WHERE case_study_id = ? ORDER BY phase DESC", id));
    }

    @Test
    void aTimeOutsideWhatPostgreSqlKeepsIsRefusedAndNothingIsStored() {
        UUID id = CaseStudies.draft(People.ALICE);
        for (String at : List.of("+100000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z")) {
            assertProblem(post(People.alice(), id, "[" + samples("Response Time", "AFTER", 1) + ", {\"metric\": \"Response Time\", "
                    + "\"phase\": \"AFTER\", \"value\": 2, \"at\": \"" + at + "\"}]"), 400, "validation-failed")
                    .body("errors[0].field", equalTo("[1].at"));
        }
        assertEquals(0, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
    }

    @Test
    void aReaderKeepsTheSummaryUntilNewSamplesArrive() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, "[" + samples("Response Time", "AFTER", 10, 20) + "]").statusCode(202);
        String path = "/api/metrics/case-studies/" + id + "/samples/summary";
        String tag = People.alice().get(path).then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"))
                .header("Vary", equalTo("Accept, Authorization")).extract().header("ETag");
        People.alice().header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", equalTo(tag));
        post(People.alice(), id, "[" + sample("Response Time", "AFTER", 30) + "]").statusCode(202);
        People.alice().header("If-None-Match", tag).get(path).then().statusCode(200).body("metrics[0].after.count", equalTo(3));
        // A draft's samples are not for everyone: a stale tag does not tell a stranger it exists.
        People.anonymous().header("If-None-Match", tag).get(path).then().statusCode(404);
    }

    @Test
    void theSummaryIsKeptUntilNewSamplesArrive() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, "[" + samples("Throughput", "AFTER", 10, 20) + "]").statusCode(202);
        summary(id).body("metrics[0].after.count", equalTo(2));
        assertEquals(1, Database.count("SELECT count(*) FROM sample_summary WHERE case_study_id = ? AND summary_version = samples_version", id));

        // What is kept is what is answered: no sample is read again while none came.
        Database.execute("UPDATE sample_summary SET summary = jsonb_set(summary, '{0,count}', '99') WHERE case_study_id = ?", id);
        summary(id).body("metrics[0].after.count", equalTo(99));

        post(People.alice(), id, "[" + sample("Throughput", "AFTER", 30) + "]").statusCode(202);
        summary(id).body("metrics[0].after.count", equalTo(3))
                .body("metrics[0].after.mean", near(20));
    }

    @Test
    void aMetricWithOnePhaseHasNoOther() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, "[" + sample("Throughput", "AFTER", 50) + "]").statusCode(202);
        summary(id).body("metrics[0].metric", equalTo("Throughput"))
                .body("metrics[0].before", nullValue())
                .body("metrics[0].after.count", equalTo(1))
                .body("metrics[0].after.p99", near(50));
    }

    @Test
    void tenThousandSamplesAreAcceptedInOneRequest() {
        UUID id = CaseStudies.draft(People.ALICE);
        String body = IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"metric\": \"Checkout Service Response Time\", \"phase\": \"" + (i % 2 == 0 ? "BEFORE" : "AFTER")
                        + "\", \"value\": " + i + ", \"at\": \"2026-01-31T12:00:00.123456789Z\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertTrue(body.length() > 1024 * 1024, "more than the platform's default body limit of 1 MiB");
        post(People.alice(), id, body).statusCode(202).body("accepted", equalTo(10_000));
        summary(id).body("metrics[0].before.count", equalTo(5_000))
                .body("metrics[0].after.count", equalTo(5_000))
                .body("metrics[0].before.max", near(9_998))
                .body("metrics[0].after.mean", near(5_000));
    }

    @Test
    void tenThousandAndOneSamplesAreRefused() {
        UUID id = CaseStudies.draft(People.ALICE);
        String body = IntStream.range(0, 10_001).mapToObj(i -> sample("Response Time", "BEFORE", 1))
                .collect(Collectors.joining(",", "[", "]"));
        assertProblem(post(People.alice(), id, body), 400, "validation-failed")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("at most 10000"));
        summary(id).body("metrics", empty());
    }

    @Test
    void invalidSamplesAreRefusedAndNoneIsStored() {
        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(post(People.alice(), id, "[" + String.join(", ",
                        sample("Response Time", "BEFORE", 1),
                        sample("Response Time", "BEFORE", -5),
                        sample("", "AFTER", 1),
                        "{\"metric\": \"Response Time\", \"phase\": \"AFTER\"}") + "]"), 400, "validation-failed")
                .body("invalidSamples", equalTo(3))
                .body("errors.field", contains("[1].value", "[2].metric", "[3].value"))
                .body("errors.message", contains("must not be negative", "must not be blank", "must not be null"));
        summary(id).body("metrics", empty());
    }

    @Test
    void valuesMustBeFiniteJsonNumbers() {
        UUID id = CaseStudies.draft(People.ALICE);
        for (String value : List.of("\"NaN\"", "\"Infinity\"", "\"12\"", "\"slow\"")) {
            assertProblem(post(People.alice(), id, "[" + sample("Response Time", "BEFORE", value) + "]"), 400, "validation-failed")
                    .body("errors[0].field", equalTo("[0].value"))
                    .body("errors[0].message", equalTo("must be a number"));
        }
        assertProblem(post(People.alice(), id, "[" + sample("Response Time", "BEFORE", "NaN") + "]"), 400, "malformed-body");
        assertProblem(post(People.alice(), id, "[" + sample("Response Time", "BEFORE", "1e400") + "]"), 400, "validation-failed")
                .body("errors[0].message", equalTo("must be at most 1000000000000000"));
        assertProblem(post(People.alice(), id, "[" + sample("Response Time", "DURING", 1) + "]"), 400, "validation-failed")
                .body("errors[0].field", equalTo("[0].phase"))
                .body("errors[0].message", equalTo("must be one of [BEFORE, AFTER]"));
        assertProblem(post(People.alice(), id, "[]"), 400, "validation-failed");
        assertProblem(post(People.alice(), id, sample("Response Time", "BEFORE", 1)), 400, "malformed-body");
        summary(id).body("metrics", empty());
    }

    @Test
    void aClientWithManyBrokenSamplesGetsTheFirstProblems() {
        UUID id = CaseStudies.draft(People.ALICE);
        String body = IntStream.range(0, 10_000).mapToObj(i -> sample("Response Time", "BEFORE", -1))
                .collect(Collectors.joining(",", "[", "]"));
        assertProblem(post(People.alice(), id, body), 400, "validation-failed")
                .body("invalidSamples", equalTo(10_000))
                .body("errors", hasSize(20));
    }

    @Test
    void samplesNeedAKnownCaseStudyAndTheRightToChangeIt() {
        UUID unknown = UUID.randomUUID();
        assertProblem(post(People.eve(), unknown, KNOWN_SET), 404, "not-found");
        assertProblem(People.eve().get("/api/metrics/case-studies/" + unknown + "/samples/summary").then(), 404, "not-found");

        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(post(People.anonymous(), id, KNOWN_SET), 401, "unauthorized");
        assertProblem(post(People.bob(), id, KNOWN_SET), 404, "not-found");
        assertProblem(post(People.vic(), id, KNOWN_SET), 403, "forbidden");
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + id + "/samples/summary").then(), 404, "not-found");
        post(People.eve(), id, KNOWN_SET).statusCode(202);
    }

    @Test
    void deriveFillsTheTableWithTheMedianByDefault() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, KNOWN_SET).statusCode(202);
        ExtractableResponse<Response> derived = derive(People.alice(), id, null).statusCode(200)
                .body("rows.name", contains("Response Time"))
                .body("rows[0].unit", equalTo("ms"))
                .body("rows[0].better", equalTo("LOWER"))
                .extract();
        assertEquals(0, new BigDecimal("300").compareTo(Json.decimal(derived, "rows[0].before")));
        assertEquals(0, new BigDecimal("55").compareTo(Json.decimal(derived, "rows[0].after")));
        assertEquals(new BigDecimal("81.6666666666667"), Json.decimal(derived, "rows[0].improvementPercent"));
        assertEquals(1, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = 'dev.casebook.metrics.updated.v1'",
                id.toString()), "a derive is a change like any other");

        ExtractableResponse<Response> p95 = derive(People.alice(), id, "{\"statistic\": \"p95\"}").statusCode(200).extract();
        assertEquals(880, Json.decimal(p95, "rows[0].before").doubleValue(), EXACT);
        assertEquals(95.5, Json.decimal(p95, "rows[0].after").doubleValue(), EXACT);
        for (String statistic : List.of("p99", "mean", "min", "max")) {
            derive(People.alice(), id, "{\"statistic\": \"" + statistic + "\"}").statusCode(200);
        }
        ExtractableResponse<Response> max = derive(People.alice(), id, "{\"statistic\": \"max\"}").statusCode(200).extract();
        assertEquals(0, new BigDecimal("1000").compareTo(Json.decimal(max, "rows[0].before")));
        assertEquals(0, new BigDecimal("90").compareTo(Json.decimal(max, "rows[0].improvementPercent")));
        People.alice().get("/api/metrics/case-studies/" + id).then().body("rows", hasSize(1));
    }

    @Test
    void deriveKeepsRowsWithoutSamplesAndUsesTheRowsUnitAndDirection() {
        UUID id = CaseStudies.draft(People.ALICE);
        MetricsTableTest.put(People.alice(), id, """
                {"rows": [{"name": "Error Rate", "before": 2, "after": 1},
                          {"name": "Cold Start", "unit": "s", "before": 9, "after": 9, "better": "LOWER"}]}""").statusCode(200);
        post(People.alice(), id, "[" + samples("cold start", "BEFORE", 12, 8) + ", " + samples("COLD START", "AFTER", 3, 1) + "]").statusCode(202);
        derive(People.alice(), id, "{\"statistic\": \"mean\"}").statusCode(200)
                .body("rows.name", contains("Error Rate", "Cold Start"))
                .body("rows[0].before", equalTo(2))
                .body("rows[1].unit", equalTo("s"))
                .body("rows[1].before", equalTo(10))
                .body("rows[1].after", equalTo(2))
                .body("rows[1].improvementPercent", equalTo(80));
    }

    @Test
    void deriveExplainsWhatIsMissing() {
        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(derive(People.alice(), id, null), 409, "conflict").body("detail", containsString("no samples"));

        post(People.alice(), id, "[" + sample("Throughput", "BEFORE", 10) + "]").statusCode(202);
        assertProblem(derive(People.alice(), id, null), 409, "conflict").body("incompleteMetrics", contains("Throughput"));

        post(People.alice(), id, "[" + sample("Throughput", "AFTER", 20) + ", " + samples("Warm Up", "BEFORE", 5) + ", "
                + samples("Warm Up", "AFTER", 4) + "]").statusCode(202);
        assertProblem(derive(People.alice(), id, null), 409, "conflict").body("metricsWithoutRow", contains("Warm Up"));
        People.alice().get("/api/metrics/case-studies/" + id).then().body("rows", empty());

        assertProblem(derive(People.alice(), id, "{\"statistic\": \"p42\"}"), 400, "validation-failed")
                .body("errors[0].field", equalTo("statistic"))
                .body("errors[0].message", equalTo("must be one of [p50, p95, p99, mean, min, max]"));
    }

    @Test
    void deriveNeedsTheRightToChangeTheTable() {
        UUID id = CaseStudies.draft(People.ALICE);
        post(People.alice(), id, KNOWN_SET).statusCode(202);
        assertProblem(derive(People.anonymous(), id, null), 401, "unauthorized");
        assertProblem(derive(People.bob(), id, null), 404, "not-found");
        assertProblem(derive(People.vic(), id, null), 403, "forbidden");
        CaseStudies.submit(id);
        assertProblem(derive(People.alice(), id, null), 409, "conflict").body("currentStatus", equalTo("IN_REVIEW"));
        derive(People.eve(), id, "{}").statusCode(200);
    }
}
