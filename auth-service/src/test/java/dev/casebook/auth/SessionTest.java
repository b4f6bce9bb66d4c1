package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.auth.Auth.tokens;
import static dev.casebook.testing.Accounts.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SessionTest {

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    /** A refresh from another client than the tests' own (another User-Agent), as from whoever copied a token. */
    private static Response refreshElsewhere(String refreshToken) {
        return given().header("User-Agent", "someone-else/1.0").contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    private static Response logout(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/logout");
    }

    @Test
    void aRefreshRotatesThePairAndUsesUpTheOldRefreshToken() {
        String username = uniqueName("rotating");
        createUser(username, "author");
        JsonNode first = tokens(username, PASSWORD);
        String firstRefresh = first.path("refreshToken").asText();

        JsonNode second = Auth.json(refresh(firstRefresh).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .extract().asString());
        assertNotEquals(firstRefresh, second.path("refreshToken").asText());
        assertNotEquals(first.path("accessToken").asText(), second.path("accessToken").asText());
        assertEquals(username, Auth.jwtPart(second.path("accessToken").asText(), 1).path("upn").asText());
        given().auth().oauth2(second.path("accessToken").asText()).get("/api/auth/me").then().statusCode(200);

        assertProblem(refreshElsewhere(firstRefresh).then(), 401, "unauthorized")
                .body(not(containsString(firstRefresh)));
    }

    @Test
    void reusingAUsedRefreshTokenRevokesTheWholeSession() {
        String username = uniqueName("stolen");
        createUser(username, "viewer");
        String original = tokens(username, PASSWORD).path("refreshToken").asText();
        String next = refresh(original).then().statusCode(200).extract().path("refreshToken");

        // Someone else replays the used token: refused, and the legitimate newest token dies with it.
        refreshElsewhere(original).then().statusCode(401);
        assertProblem(refresh(next).then(), 401, "unauthorized");

        // Another session of the same user is not affected.
        String other = tokens(username, PASSWORD).path("refreshToken").asText();
        refresh(other).then().statusCode(200);
    }

    @Test
    void logoutEndsTheSession() {
        String username = uniqueName("leaving");
        createUser(username, "viewer");
        String refreshToken = tokens(username, PASSWORD).path("refreshToken").asText();

        logout(refreshToken).then().statusCode(204);
        assertProblem(refresh(refreshToken).then(), 401, "unauthorized");
        // Logging out twice, or with a token nobody knows, says nothing either way.
        logout(refreshToken).then().statusCode(204);
        logout("never-issued-token").then().statusCode(204);
    }

    @Test
    void anUnknownOrEmptyRefreshTokenIsRefused() {
        assertProblem(refresh("never-issued-token").then(), 401, "unauthorized");
        assertProblem(refresh("").then(), 400, "validation-failed").body("errors[0].field", equalTo("refreshToken"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"refreshToken\": 7}").post("/api/auth/refresh").then(),
                400, "validation-failed");
    }

    @Test
    void meSaysWhoTheTokenBelongsTo() {
        String username = uniqueName("myself");
        String id = createUser(username, "viewer", "author");
        given().auth().oauth2(Auth.accessToken(username, PASSWORD)).get("/api/auth/me").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(username))
                .body("roles", contains("author", "viewer"));
    }

    @Test
    void meNeedsAToken() {
        assertProblem(given().get("/api/auth/me").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }
}
