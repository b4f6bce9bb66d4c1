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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.casebook.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MetricsTableTest {

    static final String TEMPLATE_ROWS = """
            {"rows": [
              {"name": "Response Time", "before": 850, "after": 120},
              {"name": "Throughput", "before": 1000, "after": 2500},
              {"name": "Error Rate", "before": 2, "after": 3},
              {"name": "Queue Depth", "unit": "messages", "before": 0, "after": 5, "better": "LOWER"}
            ]}""";

    static ValidatableResponse put(RequestSpecification who, UUID caseStudyId, String body) {
        return who.contentType(ContentType.JSON).body(body).put("/api/metrics/case-studies/" + caseStudyId).then();
    }

    private static ValidatableResponse invalid(String rows) {
        UUID id = CaseStudies.draft(People.ALICE);
        return assertProblem(put(People.alice(), id, "{\"rows\": [" + rows + "]}"), 400, "validation-failed");
    }

    @Test
    void setsTheTableWithDefaultsAndImprovementsToFifteenSignificantDigits() {
        UUID id = CaseStudies.draft(People.ALICE);
        ExtractableResponse<Response> saved = put(People.alice(), id, TEMPLATE_ROWS).statusCode(200)
                .body("caseStudyId", equalTo(id.toString()))
                .body("updatedAt", notNullValue())
                .body("rows.name", contains("Response Time", "Throughput", "Error Rate", "Queue Depth"))
                .body("rows.unit", contains("ms", "req/s", "%", "messages"))
                .body("rows.better", contains("LOWER", "HIGHER", "LOWER", "LOWER"))
                .extract();

        assertEquals(new BigDecimal("85.8823529411765"), Json.decimal(saved, "rows[0].improvementPercent"),
                "(850 - 120) / 850 * 100, lower is better, to 15 significant digits: what a double holds");
        assertEquals(new BigDecimal("150"), Json.decimal(saved, "rows[1].improvementPercent"), "(2500 - 1000) / 1000 * 100, higher is better");
        assertEquals(new BigDecimal("-50"), Json.decimal(saved, "rows[2].improvementPercent"), "a regression is negative");
        assertNull(Json.decimal(saved, "rows[3].improvementPercent"), "no baseline");
        assertEquals("no baseline: before is 0", saved.path("rows[3].improvementNote"));
        assertEquals(Map.of(), saved.jsonPath().getMap("rows[0]").entrySet().stream()
                .filter(e -> e.getKey().equals("improvementNote")).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "a row with an improvement has no note");

        ExtractableResponse<Response> read = People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200).extract();
        assertEquals(saved.asString(), read.asString(), "what is read is what was set");
    }

    @Test
    void decimalsAreKeptAsSentAndWrittenPlain() {
        UUID id = CaseStudies.draft(People.ALICE);
        String body = put(People.alice(), id, """
                {"rows": [{"name": "Response Time", "before": 120.50, "after": 1E+3}]}""").statusCode(200).extract().asString();
        assertEquals(true, body.contains("\"before\":120.50"), body);
        assertEquals(true, body.contains("\"after\":1000"), body);
    }

    @Test
    void aTableNobodySetIsEmpty() {
        UUID id = CaseStudies.draft(People.ALICE);
        People.alice().get("/api/metrics/case-studies/" + id).then().statusCode(200)
                .body("caseStudyId", equalTo(id.toString()))
                .body("rows", empty())
                .body("updatedAt", nullValue());
    }

    @Test
    void anEmptyListEmptiesTheTable() {
        UUID id = CaseStudies.draft(People.ALICE);
        put(People.alice(), id, TEMPLATE_ROWS).statusCode(200);
        put(People.alice(), id, "{\"rows\": []}").statusCode(200).body("rows", empty());
        People.alice().get("/api/metrics/case-studies/" + id).then().body("rows", empty());
    }

    @Test
    void numbersSentAsTextAreRefused() {
        for (String value : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12.5\"", "\"fast\"", "true", "[1]")) {
            invalid("{\"name\": \"Response Time\", \"before\": " + value + ", \"after\": 1}")
                    .body("errors[0].field", equalTo("rows[0].before"))
                    .body("errors[0].message", equalTo("must be a number"));
        }
    }

    @Test
    void nonFiniteNumbersAreNotJson() {
        UUID id = CaseStudies.draft(People.ALICE);
        for (String value : List.of("NaN", "Infinity", "-Infinity")) {
            assertProblem(put(People.alice(), id, "{\"rows\": [{\"name\": \"Response Time\", \"before\": " + value + ", \"after\": 1}]}"),
                    400, "malformed-body");
        }
    }

    @Test
    void aHugeNumberIsRefusedNotTurnedIntoInfinity() {
        invalid("{\"name\": \"Response Time\", \"before\": 1e400, \"after\": 1}")
                .body("errors[0].field", equalTo("rows[0].before"))
                .body("errors[0].message", equalTo("must be at most 1000000000000000"));
        invalid("{\"name\": \"Response Time\", \"before\": 1, \"after\": 1e-999999999}")
                .body("errors[0].field", equalTo("rows[0].after"))
                .body("errors[0].message", equalTo("must have at most 20 decimal places"));
    }

    @Test
    void negativeValuesAreRefused() {
        invalid("{\"name\": \"Response Time\", \"before\": -1, \"after\": 1}, {\"name\": \"Requests\", \"unit\": \"count\", \"before\": 5, \"after\": -0.5, \"better\": \"HIGHER\"}")
                .body("errors.field", contains("rows[0].before", "rows[1].after"))
                .body("errors.message", contains("must not be negative", "must not be negative"));
    }

    @Test
    void anUnknownDirectionNamesTheAllowedValues() {
        invalid("{\"name\": \"Response Time\", \"before\": 1, \"after\": 1, \"better\": \"SIDEWAYS\"}")
                .body("errors[0].field", equalTo("rows[0].better"))
                .body("errors[0].message", equalTo("must be one of [LOWER, HIGHER]"));
    }

    @Test
    void aMetricOutsideTheCatalogueNeedsUnitAndDirection() {
        invalid("{\"name\": \"Cold Start\", \"before\": 900, \"after\": 300}")
                .body("errors.field", contains("rows[0].better", "rows[0].unit"));
    }

    @Test
    void aMetricAppearsOnce() {
        invalid("{\"name\": \"Response Time\", \"before\": 1, \"after\": 1}, {\"name\": \" response time \", \"before\": 2, \"after\": 1}")
                .body("errors[0].field", equalTo("rows[1].name"))
                .body("errors[0].message", containsString("repeats the metric of rows[0]"));
    }

    @Test
    void fiftyRowsAtMost() {
        String rows = IntStream.range(0, 51)
                .mapToObj(i -> "{\"name\": \"Metric " + i + "\", \"unit\": \"ms\", \"before\": 2, \"after\": 1, \"better\": \"LOWER\"}")
                .collect(Collectors.joining(", "));
        invalid(rows).body("errors[0].field", equalTo("rows")).body("errors[0].message", containsString("at most 50"));
        UUID id = CaseStudies.draft(People.ALICE);
        put(People.alice(), id, "{\"rows\": [" + rows.substring(0, rows.lastIndexOf(", {")) + "]}").statusCode(200)
                .body("rows", hasSize(50));
    }

    @Test
    void everyBadFieldIsListed() {
        invalid("{\"name\": \"\", \"unit\": \"a|b\", \"after\": 1, \"better\": \"LOWER\"}")
                .body("errors.field", hasItem("rows[0].name"))
                .body("errors.field", hasItem("rows[0].unit"))
                .body("errors.field", hasItem("rows[0].before"));
    }

    @Test
    void aBodyWithoutRowsOrWithUnknownFieldsIsRefused() {
        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(put(People.alice(), id, "{}"), 400, "validation-failed").body("errors[0].field", equalTo("rows"));
        assertProblem(put(People.alice(), id, "{\"rows\": [], \"caseStudyId\": \"x\"}"), 400, "validation-failed")
                .body("errors[0].field", equalTo("caseStudyId"));
        assertProblem(put(People.alice(), id, "[]"), 400, "malformed-body");
    }

    @Test
    void anUnknownCaseStudyIsNotFound() {
        UUID unknown = UUID.randomUUID();
        assertProblem(put(People.eve(), unknown, TEMPLATE_ROWS), 404, "not-found")
                .header("Retry-After", "1")
                .body("detail", equalTo("There is no case study " + unknown + " here yet; a case study created a moment"
                        + " ago arrives within seconds, so retry after the Retry-After delay"));
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + unknown).then(), 404, "not-found");
        assertProblem(People.anonymous().get("/api/metrics/case-studies/not-a-uuid").then(), 400, "bad-request");
    }

    @Test
    void theAuthorOfADraftEditorsAndAdminsChangeIt() {
        UUID id = CaseStudies.draft(People.ALICE);
        put(People.alice(), id, TEMPLATE_ROWS).statusCode(200);
        put(People.eve(), id, TEMPLATE_ROWS).statusCode(200);
        put(People.ada(), id, TEMPLATE_ROWS).statusCode(200);
        People.eve().get("/api/metrics/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void anotherAuthorNeitherSeesNorChangesADraft() {
        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(put(People.bob(), id, TEMPLATE_ROWS), 404, "not-found")
                .header("Retry-After", "1"); // the same answer as for an unknown one: it does not exist for bob
        assertProblem(People.bob().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
        assertProblem(People.anonymous().get("/api/metrics/case-studies/" + id).then(), 404, "not-found");
    }

    @Test
    void anonymousCallersAndViewersChangeNothing() {
        UUID id = CaseStudies.draft(People.ALICE);
        assertProblem(put(People.anonymous(), id, TEMPLATE_ROWS), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
        assertProblem(put(People.vic(), id, TEMPLATE_ROWS), 403, "forbidden");
        assertProblem(put(People.as(People.ALICE, "alice", "viewer"), id, TEMPLATE_ROWS), 403, "forbidden");
        People.alice().get("/api/metrics/case-studies/" + id).then().body("rows", empty());
    }

    @Test
    void theAuthorChangesItOnlyWhileItIsADraft() {
        UUID id = CaseStudies.draft(People.ALICE);
        CaseStudies.submit(id);
        assertProblem(put(People.alice(), id, TEMPLATE_ROWS), 409, "conflict").body("currentStatus", equalTo("IN_REVIEW"));
        put(People.eve(), id, TEMPLATE_ROWS).statusCode(200);
    }

    @Test
    void aPublishedTableIsPublicAndOnlyTheStaffChangeIt() {
        UUID id = CaseStudies.published(People.ALICE, "Public numbers", "Retail", Map.of("backend", List.of("Java")));
        put(People.eve(), id, TEMPLATE_ROWS).statusCode(200);
        CaseStudies.republish(id); // an editor's numbers are public from the next publish on
        People.anonymous().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows", hasSize(4));
        People.vic().get("/api/metrics/case-studies/" + id).then().statusCode(200);
        assertProblem(put(People.bob(), id, TEMPLATE_ROWS), 403, "forbidden");
        assertProblem(put(People.alice(), id, TEMPLATE_ROWS), 409, "conflict").body("currentStatus", equalTo("PUBLISHED"));

        CaseStudies.update(id); // the author starts a new draft of the published case study
        put(People.alice(), id, TEMPLATE_ROWS).statusCode(200);
        People.anonymous().get("/api/metrics/case-studies/" + id).then().statusCode(200);
    }
}
