package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.auth.Auth.adminToken;
import static dev.casebook.testing.Accounts.uniqueName;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** User administration sent with an Idempotency-Key: a retried create or disable takes effect once. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class IdempotencyKeyTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    AgroalDataSource database;

    @Test
    void aRepeatedCreateGetsTheFirstAnswerAndMakesOneUser() {
        String username = uniqueName("retried");
        String key = UUID.randomUUID().toString();
        Response first = create(adminToken(), key, username, PASSWORD);
        Response again = create(adminToken(), key, username, PASSWORD);

        first.then().statusCode(201).header(REPLAYED, nullValue());
        again.then().statusCode(201).header(REPLAYED, "true").contentType(ContentType.JSON);
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, count("SELECT count(*) FROM users WHERE username = ?", username));
    }

    @Test
    void withoutAKeyARepeatedCreateIsAConflictAsBefore() {
        String username = uniqueName("unkeyed");
        create(adminToken(), null, username, PASSWORD).then().statusCode(201);
        assertProblem(create(adminToken(), null, username, PASSWORD).then(), 409, "conflict");
    }

    @Test
    void theSameKeyForAnotherUserIsA422() {
        String key = UUID.randomUUID().toString();
        String other = uniqueName("other");
        create(adminToken(), key, uniqueName("first"), PASSWORD).then().statusCode(201);

        assertProblem(create(adminToken(), key, other, PASSWORD).then(), 422, "unprocessable-content").body("header", equalTo(KEY));
        assertEquals(0, count("SELECT count(*) FROM users WHERE username = ?", other));
    }

    @Test
    void twoAdminsWithOneKeyAreIndependent() {
        String secondAdmin = uniqueName("second-admin");
        create(adminToken(), null, secondAdmin, PASSWORD, "admin").then().statusCode(201);
        String secondToken = Auth.accessToken(secondAdmin, PASSWORD);
        String key = "one-key-" + UUID.randomUUID();
        String alices = uniqueName("by-first");
        String bobs = uniqueName("by-second");

        create(adminToken(), key, alices, PASSWORD).then().statusCode(201);
        create(secondToken, key, bobs, PASSWORD).then().statusCode(201).header(REPLAYED, nullValue());
        assertEquals(1, count("SELECT count(*) FROM users WHERE username = ?", bobs));
    }

    @Test
    void thePasswordIsNeitherRememberedNorPartOfWhatMakesTheSameRequest() {
        String username = uniqueName("secret");
        String key = UUID.randomUUID().toString();
        String password = "first-password-" + UUID.randomUUID();
        create(adminToken(), key, username, password).then().statusCode(201);
        // Only the password differs: the same request, answered again; the user keeps the first password.
        create(adminToken(), key, username, "second-password-" + UUID.randomUUID()).then().statusCode(201).header(REPLAYED, "true");

        Accounts.login(username, password).then().statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE position(convert_to(?, 'UTF8') in body) > 0", password));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", key));
    }

    @Test
    void aRepeatedDisableRevokesAccessOnce() {
        String id = Auth.createUser(uniqueName("leaver"), "author");
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(adminToken()).header(KEY, key).post("/api/auth/users/" + id + "/disable");
        Response again = given().auth().oauth2(adminToken()).header(KEY, key).post("/api/auth/users/" + id + "/disable");

        first.then().statusCode(200).body("enabled", equalTo(false));
        again.then().statusCode(200).header(REPLAYED, "true");
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id));
    }

    @Test
    void theApiDocumentNamesTheHeaderOnUserAdministration() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/auth/users'.post.parameters.name", hasItem(KEY))
                .body("paths.'/api/auth/users/{id}/roles'.put.parameters.name", hasItem(KEY))
                .body("paths.'/api/auth/users/{id}/enable'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/UserView"));
    }

    private static Response create(String token, String key, String username, String password, String... roles) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", roles.length == 0 ? List.of("viewer") : List.of(roles)));
        if (key != null) {
            request.header(KEY, key);
        }
        return request.post("/api/auth/users");
    }

    private long count(String sql, Object... parameters) {
        return Rows.count(database, sql, parameters);
    }
}
