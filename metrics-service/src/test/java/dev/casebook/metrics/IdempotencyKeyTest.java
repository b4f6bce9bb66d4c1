package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.casebook.metrics.SamplesTest.sample;
import static dev.casebook.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Samples and tables sent with an Idempotency-Key: a retried batch is stored once, a retried PUT emits one event. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class IdempotencyKeyTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String BATCH = "[" + sample("Response Time", "BEFORE", 120) + ", " + sample("Response Time", "AFTER", 80) + "]";

    @Test
    void aRepeatedBatchIsStoredOnceAndAnsweredAsTheFirstTime() {
        UUID id = CaseStudies.draft(People.ALICE);
        String key = UUID.randomUUID().toString();
        Response first = samples(People.alice(), id, key, BATCH);
        Response again = samples(People.alice(), id, key, BATCH);

        first.then().statusCode(202).body("accepted", equalTo(2)).header(REPLAYED, nullValue());
        again.then().statusCode(202).header(REPLAYED, "true").contentType(ContentType.JSON);
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(2, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
    }

    @Test
    void theSameKeyWithOtherSamplesIsA422AndStoresNothing() {
        UUID id = CaseStudies.draft(People.ALICE);
        String key = UUID.randomUUID().toString();
        samples(People.alice(), id, key, BATCH).then().statusCode(202);

        assertProblem(samples(People.alice(), id, key, "[" + sample("Throughput", "AFTER", 900) + "]").then(), 422, "unprocessable-content")
                .body("header", equalTo(KEY));
        assertEquals(2, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
    }

    @Test
    void twoCallersWithOneKeyAreIndependent() {
        UUID id = CaseStudies.draft(People.ALICE);
        String key = "one-key-" + UUID.randomUUID();
        samples(People.alice(), id, key, BATCH).then().statusCode(202);
        samples(People.eve(), id, key, BATCH).then().statusCode(202).header(REPLAYED, nullValue());
        assertEquals(4, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
    }

    @Test
    void withoutAKeyEveryBatchIsStoredAsBefore() {
        UUID id = CaseStudies.draft(People.ALICE);
        samples(People.alice(), id, null, BATCH).then().statusCode(202);
        samples(People.alice(), id, null, BATCH).then().statusCode(202);
        assertEquals(4, Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", id));
    }

    @Test
    void aRepeatedPutOfTheTableEmitsOneEvent() {
        UUID id = CaseStudies.draft(People.ALICE);
        String key = UUID.randomUUID().toString();
        String table = "{\"rows\": [{\"name\": \"Response Time\", \"before\": 850, \"after\": 120}]}";
        Response first = table(id, key, table);
        Response again = table(id, key, table);

        first.then().statusCode(200).body("rows[0].improvementPercent", equalTo(85.8823529411765));
        again.then().statusCode(200).header(REPLAYED, "true");
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = 'dev.casebook.metrics.updated.v1'",
                id.toString()));
    }

    @Test
    void aMalformedBodyWithAKeyIsTheUsual400AndKeepsNoKey() {
        UUID id = CaseStudies.draft(People.ALICE);
        String key = UUID.randomUUID().toString();
        // derive reads its optional body itself, so its parse error is a checked exception from inside the key's transaction
        assertProblem(People.alice().header(KEY, key).contentType(ContentType.JSON).body("{\"statistic\": ")
                .post("/api/metrics/case-studies/" + id + "/derive").then(), 400, "malformed-body");
        assertEquals(0, Database.count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", key));
    }

    @Test
    void theApiDocumentNamesTheHeaderOnSamplesAndTables() {
        People.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/metrics/case-studies/{caseStudyId}/samples'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/metrics/case-studies/{caseStudyId}'.put.parameters.name", hasItem(KEY))
                .body("paths.'/api/metrics/case-studies/{caseStudyId}'.put.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/MetricsTableView"));
    }

    private static Response samples(RequestSpecification who, UUID id, String key, String body) {
        RequestSpecification request = key == null ? who : who.header(KEY, key);
        return request.contentType(ContentType.JSON).body(body).post("/api/metrics/case-studies/" + id + "/samples");
    }

    private static Response table(UUID id, String key, String body) {
        return People.alice().header(KEY, key).contentType(ContentType.JSON).body(body).put("/api/metrics/case-studies/" + id);
    }
}
