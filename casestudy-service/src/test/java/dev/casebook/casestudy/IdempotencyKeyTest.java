package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.idempotency.ForgottenKeys;
import dev.casebook.testing.AtOnce;
import dev.casebook.testing.People;
import dev.casebook.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Writes sent with an Idempotency-Key are safe to retry: a repeat gets the first answer and changes nothing, in the
 * database as in the events; another request with the key is a 422; keys are each caller's own.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class IdempotencyKeyTest {

    private static final String KEY = "Idempotency-Key";

    @Inject
    AgroalDataSource database;

    @Inject
    ForgottenKeys forgottenKeys;

    @Test
    void aRepeatedCreateGetsTheFirstAnswerAndMakesOneCaseStudyWithOneEvent() {
        String title = Documents.uniqueTitle("Retried create");
        String key = UUID.randomUUID().toString();
        Response first = create(People.alice(), key, Documents.minimal(title));
        Response again = create(People.alice(), key, Documents.minimal(title));

        first.then().statusCode(201).header(IdempotentHeaders.REPLAYED, nullValue());
        again.then().statusCode(201).header(IdempotentHeaders.REPLAYED, "true").contentType(ContentType.JSON);
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, count("SELECT count(*) FROM case_study WHERE title = ?", title));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = 'dev.casebook.casestudy.created.v1'",
                first.<String>path("id")));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndChangesNothing() {
        String title = Documents.uniqueTitle("First body");
        String key = UUID.randomUUID().toString();
        create(People.alice(), key, Documents.minimal(title)).then().statusCode(201);

        assertProblem(create(People.alice(), key, Documents.minimal(title + " changed")).then(), 422, "unprocessable-content")
                .body("header", equalTo(KEY));
        assertEquals(0, count("SELECT count(*) FROM case_study WHERE title = ?", title + " changed"));
    }

    @Test
    void twoCallersWithOneKeyAreIndependent() {
        String title = Documents.uniqueTitle("Same key, two authors");
        String key = "shared-key-" + UUID.randomUUID();
        Response alices = create(People.alice(), key, Documents.minimal(title));
        Response bobs = create(People.bob(), key, Documents.minimal(title));

        alices.then().statusCode(201);
        bobs.then().statusCode(201).header(IdempotentHeaders.REPLAYED, nullValue());
        assertNotEquals(alices.<String>path("id"), bobs.<String>path("id"));
        assertEquals(2, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void withoutAKeyEveryCreateMakesACaseStudyAsBefore() {
        String title = Documents.uniqueTitle("No key");
        CaseStudyApiTest.create(People.alice(), Documents.minimal(title));
        CaseStudyApiTest.create(People.alice(), Documents.minimal(title));
        assertEquals(2, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void repeatsSentAtOnceRunOnceAndAllGetTheFirstAnswer() throws Exception {
        String title = Documents.uniqueTitle("Retried at once");
        String key = UUID.randomUUID().toString();
        List<Response> answers = AtOnce.send(4, () -> create(People.alice(), key, Documents.minimal(title)));

        answers.forEach(answer -> answer.then().statusCode(201));
        assertEquals(1, answers.stream().map(answer -> answer.header("Location")).distinct().count());
        assertEquals(1, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void aRepeatWhileTheFirstIsStillInFlightIsA409UntilItEnds() throws SQLException {
        String title = Documents.uniqueTitle("Still in flight");
        String key = UUID.randomUUID().toString();
        // A first request that took the key and has not committed yet, as a transaction of the test's own.
        try (Connection first = database.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement claim = first.prepareStatement(
                    "INSERT INTO idempotency_key (caller_id, idempotency_key, fingerprint) VALUES (?, ?, ?)")) {
                claim.setString(1, People.ALICE);
                claim.setString(2, key);
                claim.setString(3, "0".repeat(64));
                claim.executeUpdate();
            }
            assertProblem(create(People.alice(), key, Documents.minimal(title)).then(), 409, "conflict")
                    .header("Retry-After", "1").body("header", equalTo(KEY));
            first.rollback(); // the first failed: it changed nothing and keeps no key
        }
        create(People.alice(), key, Documents.minimal(title)).then().statusCode(201).header(IdempotentHeaders.REPLAYED, nullValue());
        assertEquals(1, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void aFailedRequestKeepsNoKeySoItsRetryRuns() {
        String title = Documents.uniqueTitle("Fixed and sent again");
        String key = UUID.randomUUID().toString();
        assertProblem(create(People.alice(), key, "{\"title\": \"" + title + "\"}").then(), 400, "validation-failed");
        create(People.alice(), key, Documents.minimal(title)).then().statusCode(201).header(IdempotentHeaders.REPLAYED, nullValue());
        assertEquals(1, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void aRepeatedWorkflowStepGetsItsFirstAnswerWhereAStepWithoutKeyIsAConflict() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Submitted twice"))).path("id");
        String key = UUID.randomUUID().toString();
        Response first = People.alice().header(KEY, key).post("/api/case-studies/" + id + "/submit");
        Response again = People.alice().header(KEY, key).post("/api/case-studies/" + id + "/submit");

        first.then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        again.then().statusCode(200).header(IdempotentHeaders.REPLAYED, "true");
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(first.header("ETag"), again.header("ETag"));
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type = 'dev.casebook.casestudy.submitted.v1'", id));
    }

    @Test
    void aRepeatedImportMakesOneDraft() throws Exception {
        String title = Documents.uniqueTitle("Imported once");
        String markdown = "# Case Study: " + title + "\n\n## Executive Summary\n\nImported with a key.\n";
        String key = UUID.randomUUID().toString();
        Response first = People.alice().header(KEY, key).contentType("text/markdown").body(markdown).post("/api/case-studies/import");
        Response again = People.alice().header(KEY, key).contentType("text/markdown").body(markdown).post("/api/case-studies/import");

        first.then().statusCode(201);
        again.then().statusCode(201).header(IdempotentHeaders.REPLAYED, "true");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void aMalformedKeyIsA400() {
        String body = Documents.minimal(Documents.uniqueTitle("Bad key"));
        assertProblem(create(People.alice(), "with space", body).then(), 400, "bad-request").body("header", equalTo(KEY));
        assertProblem(create(People.alice(), "k".repeat(256), body).then(), 400, "bad-request");
        assertProblem(create(People.alice(), "caf\u00e9", body).then(), 400, "bad-request");
        create(People.alice(), "k".repeat(255), body).then().statusCode(201);
    }

    @Test
    void keysOlderThanTheRetentionArePurgedAndTheirRequestRunsAnew() {
        String title = Documents.uniqueTitle("Retried two days later");
        String key = UUID.randomUUID().toString();
        create(People.alice(), key, Documents.minimal(title)).then().statusCode(201);
        execute("UPDATE idempotency_key SET created_at = now() - interval '2 days' WHERE caller_id = ? AND idempotency_key = ?",
                People.ALICE, key);

        forgottenKeys.purge();

        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE created_at < now() - interval '1 day'"));
        create(People.alice(), key, Documents.minimal(title)).then().statusCode(201).header(IdempotentHeaders.REPLAYED, nullValue());
        assertEquals(2, count("SELECT count(*) FROM case_study WHERE title = ?", title));
    }

    @Test
    void theApiDocumentNamesTheHeaderOnWritesOnly() {
        People.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/case-studies'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/case-studies'.post.responses.'422'.content", org.hamcrest.Matchers.hasKey("application/problem+json"))
                .body("paths.'/api/case-studies/{id}/publish'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/case-studies/import'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/case-studies'.get.parameters.name", not(hasItem(KEY)));
    }

    private static Response create(RequestSpecification as, String key, String body) {
        return as.header(KEY, key).contentType(ContentType.JSON).body(body).post("/api/case-studies");
    }

    private long count(String sql, Object... parameters) {
        return Rows.count(database, sql, parameters);
    }

    private void execute(String sql, Object... parameters) {
        assertEquals(1, Rows.update(database, sql, parameters));
    }

    /** The answer header of a replay. */
    private static final class IdempotentHeaders {
        static final String REPLAYED = "Idempotent-Replayed";
    }
}
