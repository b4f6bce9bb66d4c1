package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.access.AccessEvents;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.auth.Auth.adminToken;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.auth.Auth.json;
import static dev.casebook.auth.Auth.jwtPart;
import static dev.casebook.auth.Auth.tokens;
import static dev.casebook.testing.Accounts.uniqueName;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Disabling a user, changing their roles and logging out everywhere end the access tokens already issued, not only
 * the refresh tokens: each change goes out on auth.events, and this service refuses the old tokens as soon as it has
 * read it (as the gateway and the other services do; see the system tests).
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class RevocationTest {

    // How long a change may take to be read back; it takes well under a second, the margin is for a loaded machine.
    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void aDisabledAdminsOldTokenCanNeitherEnableHimselfNorCreateAUser() {
        String username = uniqueName("mallory");
        String id = createUser(username, "admin");
        String oldToken = tokens(username, PASSWORD).path("accessToken").asText();
        given().auth().oauth2(oldToken).get("/api/auth/users").then().statusCode(200);

        given().auth().oauth2(adminToken()).post("/api/auth/users/" + id + "/disable").then().statusCode(200);

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(oldToken).post("/api/auth/users/" + id + "/enable").then(), 401, "unauthorized")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .body("detail", containsString("revoked")));
        assertProblem(given().auth().oauth2(oldToken).contentType(ContentType.JSON)
                .body(Map.of("username", uniqueName("accomplice"), "password", PASSWORD, "roles", List.of("admin")))
                .post("/api/auth/users").then(), 401, "unauthorized");
        given().auth().oauth2(adminToken()).get("/api/auth/users/" + id).then().statusCode(200)
                .body("enabled", equalTo(false));

        JsonNode change = onlyChangeOf(id, 1);
        assertEquals(1, change.path("accessVersion").asLong());
        assertEquals("disabled", change.path("reason").asText());
    }

    @Test
    void aDemotedAdminsOldTokenNoLongerCountsAndTheirNextLoginCarriesTheNewRoles() {
        String username = uniqueName("demoted");
        String id = createUser(username, "admin");
        String oldToken = tokens(username, PASSWORD).path("accessToken").asText();
        assertEquals(0, jwtPart(oldToken, 1).path("access_version").asLong());

        changeRoles(id, "viewer");

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(oldToken).get("/api/auth/users").then(), 401, "unauthorized"));
        String newToken = tokens(username, PASSWORD).path("accessToken").asText();
        assertEquals(1, jwtPart(newToken, 1).path("access_version").asLong());
        assertProblem(given().auth().oauth2(newToken).get("/api/auth/users").then(), 403, "forbidden");
        given().auth().oauth2(newToken).get("/api/auth/me").then().statusCode(200);
        assertEquals("roles-changed", onlyChangeOf(id, 1).path("reason").asText());
    }

    @Test
    void theSameRolesAgainRevokeNothing() {
        String username = uniqueName("steady");
        String id = createUser(username, "author");
        String token = tokens(username, PASSWORD).path("accessToken").asText();

        changeRoles(id, "author");
        given().auth().oauth2(adminToken()).post("/api/auth/users/" + id + "/disable").then().statusCode(200);

        // One change only, the disabling: had the unchanged roles counted, the disabling would be version 2.
        assertEquals(1, onlyChangeOf(id, 1).path("accessVersion").asLong());
        await().atMost(SOON).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401));
    }

    @Test
    void loggingOutEverywhereEndsEverySessionAndEveryAccessToken() {
        String username = uniqueName("traveller");
        createUser(username, "author");
        JsonNode laptop = tokens(username, PASSWORD);
        JsonNode phone = tokens(username, PASSWORD);

        given().auth().oauth2(laptop.path("accessToken").asText()).post("/api/auth/logout-everywhere").then().statusCode(204);

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(phone.path("accessToken").asText()).get("/api/auth/me").then(), 401, "unauthorized"));
        for (JsonNode session : List.of(laptop, phone)) {
            assertProblem(given().contentType(ContentType.JSON)
                    .body(Map.of("refreshToken", session.path("refreshToken").asText()))
                    .post("/api/auth/refresh").then(), 401, "unauthorized");
        }
        String fresh = tokens(username, PASSWORD).path("accessToken").asText();
        given().auth().oauth2(fresh).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anAdminLogsAUserOutEverywhereAndNobodyElseMay() {
        String username = uniqueName("lost-phone");
        String id = createUser(username, "editor");
        String token = tokens(username, PASSWORD).path("accessToken").asText();

        assertProblem(given().auth().oauth2(token).post("/api/auth/users/" + id + "/logout-everywhere").then(), 403, "forbidden");
        given().auth().oauth2(adminToken()).post("/api/auth/users/" + id + "/logout-everywhere").then().statusCode(204);
        assertProblem(given().auth().oauth2(adminToken())
                .post("/api/auth/users/00000000-0000-0000-0000-000000000000/logout-everywhere").then(), 404, "not-found");

        await().atMost(SOON).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401));
        assertEquals("logged-out-everywhere", onlyChangeOf(id, 1).path("reason").asText());
    }

    @Test
    void anAccessChangeIsACloudEventKeyedByTheUser() {
        String id = createUser(uniqueName("keyed"), "viewer");
        given().auth().oauth2(adminToken()).post("/api/auth/users/" + id + "/disable").then().statusCode(200);

        ConsumerRecord<String, String> record = changesOf(id, 1).get(0);
        assertEquals(id, record.key());
        assertEquals(AccessEvents.CHANGED.type(), Records.type(record));
        assertEquals("/casebook/auth-service", Records.header(record, "ce_source"));
        assertEquals(id, Records.header(record, "ce_subject"));
    }

    private static void changeRoles(String id, String... roles) {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of(roles)))
                .put("/api/auth/users/" + id + "/roles").then().statusCode(200);
    }

    /** The data of the one change of {@code userId} on the topic, once {@code count} arrived; fails on any other number. */
    private static JsonNode onlyChangeOf(String userId, int count) {
        List<ConsumerRecord<String, String>> changes = changesOf(userId, count);
        assertEquals(count, changes.size(), () -> "access changes of " + userId + ": " + Records.describe(changes));
        return json(changes.get(changes.size() - 1).value());
    }

    private static List<ConsumerRecord<String, String>> changesOf(String userId, int count) {
        return Topics.ofThisService().read(AccessEvents.TOPIC, record -> userId.equals(record.key()), count, SOON);
    }
}
