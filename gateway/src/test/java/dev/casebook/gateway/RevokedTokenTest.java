package dev.casebook.gateway;

import dev.casebook.platform.access.AccessEvents;
import dev.casebook.testing.People;
import dev.casebook.testing.PrometheusText;
import dev.casebook.testing.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway refuses a token that auth-service's access changes revoked, before any service sees the request,
 * and lets the same user's newer token through; it is ready once it has read the changes.
 */
@QuarkusTest
@TestProfile(AccessChangesFollowed.class)
class RevokedTokenTest {

    private static final String PROTECTED = "/api/case-studies/cs-42/revisions";

    @ParameterizedTest
    @ValueSource(strings = {"disabled", "roles-changed", "logged-out-everywhere"})
    void aRevokedTokenIsRefusedAtTheDoorThoughItWasCachedAndTheUsersNextOneIsLetThrough(String reason) {
        String user = UUID.randomUUID().toString();
        String old = People.tokens().forUser(user, "disabled-admin", "admin");
        given().auth().oauth2(old).get(PROTECTED).then().statusCode(200);
        double hits = cacheHits();
        given().auth().oauth2(old).get(PROTECTED).then().statusCode(200);
        assertEquals(hits + 1, cacheHits(), "the gateway let the token through from its cache of verified tokens");

        Topics.ofThisService().sendCloudEvent(AccessEvents.SOURCE, AccessEvents.TOPIC, user, AccessEvents.CHANGED.type(),
                "{\"userId\":\"" + user + "\",\"accessVersion\":1,\"reason\":\"" + reason + "\",\"changedAt\":\"" + Instant.now() + "\"}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertProblem(given().auth().oauth2(old).get(PROTECTED).then(), 401, "unauthorized")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        given().auth().oauth2(People.tokens().atAccessVersion(1).forUser(user, "disabled-admin", "viewer"))
                .get(PROTECTED).then().statusCode(200);
    }

    private static double cacheHits() {
        return PrometheusText.scrape().value("casebook_gateway_token_cache_total", "outcome", "hit");
    }

    @Test
    void readinessSaysTheAccessChangesAreKnown() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'access-changes' }.status", equalTo("UP")));
    }
}
