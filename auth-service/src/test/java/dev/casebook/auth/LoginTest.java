package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.auth.Auth.jwtPart;
import static dev.casebook.testing.Accounts.login;
import static dev.casebook.testing.Accounts.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class LoginTest {

    @Test
    void aLoginReturnsASignedAccessTokenAndARefreshToken() {
        String username = uniqueName("Ada");
        String id = createUser(username, "author", "editor");

        String body = login(username, PASSWORD).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("refreshToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract().asString();
        JsonNode tokens = Auth.json(body);
        String jwt = tokens.path("accessToken").asText();

        JsonNode header = jwtPart(jwt, 0);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals(Auth.jwksFileKid(), header.path("kid").asText());

        JsonNode claims = jwtPart(jwt, 1);
        assertEquals("https://casebook.dev", claims.path("iss").asText());
        assertEquals("casebook", claims.path("aud").asText(), "one audience, as a string");
        assertEquals(id, claims.path("sub").asText());
        assertEquals(username, claims.path("upn").asText());
        assertEquals("[\"editor\",\"author\"]", claims.path("groups").toString());
        long now = Instant.now().getEpochSecond();
        long iat = claims.path("iat").asLong();
        assertTrue(Math.abs(now - iat) < 60, "iat is now");
        assertEquals(iat + 900, claims.path("exp").asLong());
        assertFalse(claims.path("jti").asText().isBlank());
        assertNotEquals(claims.path("jti").asText(), jwtPart(Auth.accessToken(username, PASSWORD), 1).path("jti").asText());
    }

    @Test
    void theUsernameIsNotCaseSensitive() {
        String username = uniqueName("Grace");
        createUser(username, "viewer");
        login(username.toUpperCase(), PASSWORD).then().statusCode(200);
    }

    @Test
    void aWrongPasswordIsA401Problem() {
        String username = uniqueName("wrong-pw");
        createUser(username, "viewer");
        assertProblem(login(username, PASSWORD + "x").then(), 401, "unauthorized")
                .body("detail", equalTo("The username or password is wrong"))
                .body("instance", equalTo("/api/auth/login"))
                .body(not(containsString(PASSWORD)));
    }

    @Test
    void anUnknownUserGetsExactlyTheSameAnswerAsAWrongPassword() {
        String known = uniqueName("known");
        createUser(known, "viewer");
        String wrongPassword = login(known, "not-the-password").then().statusCode(401).extract().path("detail");
        String unknownUser = login(uniqueName("nobody"), "not-the-password").then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void missingFieldsAreFieldErrors() {
        assertProblem(given().contentType(ContentType.JSON).body("{}").post("/api/auth/login").then(), 400, "validation-failed")
                .body("errors.field", containsInAnyOrder("username", "password"));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("username", "someone")).post("/api/auth/login").then(),
                400, "validation-failed")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("password"));
        assertProblem(given().contentType(ContentType.JSON).post("/api/auth/login").then(), 400, "validation-failed");
    }

    @Test
    void wrongTypesAreFieldErrorsThatNeverEchoThePassword() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\": 42, \"password\": \"x\"}")
                .post("/api/auth/login").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("username"))
                .body("errors[0].message", equalTo("must be a string"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\": \"someone\", \"password\": [\"secret-in-array\"]}")
                .post("/api/auth/login").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("password"))
                .body(not(containsString("secret-in-array")));
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\": \"someone\", \"password\": \"secret-unterminated")
                .post("/api/auth/login").then(), 400, "malformed-body")
                .body(not(containsString("secret-unterminated")));
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\": \"someone\", \"password\": \"p\", \"admin\": true}")
                .post("/api/auth/login").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("admin"));
    }

    @Test
    void sqlMetacharactersInTheUsernameAreJustCharacters() {
        for (String attack : List.of("admin' OR '1'='1", "admin'--", "x'; DROP TABLE users; --", "%", "_____", "admin\\")) {
            assertProblem(login(attack, "anything").then(), 401, "unauthorized")
                    .body("detail", equalTo("The username or password is wrong"));
        }
        // The users table is still there, and the first admin can still log in.
        Auth.adminToken();
        given().auth().oauth2(Auth.adminToken()).get("/api/auth/users").then().statusCode(200);
    }

    @Test
    void theResponseNeverCarriesAPasswordHash() {
        String username = uniqueName("hashless");
        createUser(username, "viewer");
        given().auth().oauth2(Auth.adminToken()).get("/api/auth/users?size=100").then()
                .statusCode(200)
                .body(not(containsString("$2a$")))
                .body(not(containsString("password")))
                .body("items[0].keySet()", hasItems("id", "username", "roles", "enabled", "createdAt", "updatedAt"));
    }
}
