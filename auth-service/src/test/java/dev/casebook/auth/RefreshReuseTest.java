package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.AtOnce;
import dev.casebook.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.auth.Auth.tokens;
import static dev.casebook.testing.Accounts.uniqueName;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two tabs refreshing one session at once, or a refresh retried after a timeout, get the same new pair; the same
 * token after the grace window still revokes the session.
 */
@QuarkusTest
@TestProfile(ShortRefreshGrace.class)
@QuarkusTestResource(CasebookInfrastructure.class)
class RefreshReuseTest {

    @Inject
    AgroalDataSource database;

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    @Test
    void twoRefreshesAtOnceOfOneTokenGetTheSamePairAndTheSessionGoesOn() throws Exception {
        String username = uniqueName("two-tabs");
        createUser(username, "author");
        String original = tokens(username, PASSWORD).path("refreshToken").asText();

        List<Response> answers = AtOnce.send(2, () -> refresh(original));

        answers.forEach(answer -> answer.then().statusCode(200));
        JsonNode first = Auth.json(answers.get(0).asString());
        JsonNode second = Auth.json(answers.get(1).asString());
        assertEquals(first.path("refreshToken").asText(), second.path("refreshToken").asText());
        assertEquals(first.path("accessToken").asText(), second.path("accessToken").asText());
        assertNotEquals(original, first.path("refreshToken").asText());
        // One successor in the database, not two; and it is not revoked: the session goes on.
        assertEquals(2, count("SELECT count(*) FROM refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM refresh_tokens WHERE used_by IS NOT NULL AND user_id = (SELECT id FROM users WHERE username = ?))", username));
        refresh(first.path("refreshToken").asText()).then().statusCode(200);
    }

    @Test
    void theUsedTokenAfterTheGraceWindowRevokesTheSession() throws InterruptedException {
        String username = uniqueName("late-replay");
        createUser(username, "viewer");
        String original = tokens(username, PASSWORD).path("refreshToken").asText();
        String next = refresh(original).then().statusCode(200).extract().path("refreshToken");

        Thread.sleep(ShortRefreshGrace.GRACE_MILLIS + 1_000); // the window closes

        assertProblem(refresh(original).then(), 401, "unauthorized");
        assertProblem(refresh(next).then(), 401, "unauthorized");
        assertEquals(0, count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL AND user_id = "
                + "(SELECT id FROM users WHERE username = ?)", username));
    }

    @Test
    void noPairIsKeptInClear() {
        String username = uniqueName("sealed");
        createUser(username, "viewer");
        String original = tokens(username, PASSWORD).path("refreshToken").asText();
        String next = refresh(original).then().statusCode(200).extract().path("refreshToken");

        assertEquals(1, count("SELECT count(*) FROM refresh_tokens WHERE successor_sealed IS NOT NULL AND user_id = "
                + "(SELECT id FROM users WHERE username = ?)", username));
        assertEquals(0, count("SELECT count(*) FROM refresh_tokens WHERE position(convert_to(?, 'UTF8') in successor_sealed) > 0", next));
    }

    private long count(String sql, Object... parameters) {
        return Rows.count(database, sql, parameters);
    }
}
