package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.access.AccessEvents;
import dev.casebook.testing.People;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A service refuses the tokens an access change on auth.events revoked, as soon as it has read the change, and only
 * those: the user's later tokens, and everyone else's, still hold. The changes are written here as auth-service's
 * outbox writes them.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class AccessChangesTest {

    private static final String LOCKED_AWAY = "/notes/locked-away";
    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void aTokenBelowTheAnnouncedVersionIsRefusedAndOneAtItHolds() {
        String user = UUID.randomUUID().toString();
        String before = People.tokens().forUser(user, "demoted", "admin");
        String after = People.tokens().atAccessVersion(1).forUser(user, "demoted", "viewer");
        given().auth().oauth2(before).get(LOCKED_AWAY).then().statusCode(200);

        announce(user, 1, "roles-changed");

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(before).get(LOCKED_AWAY).then(), 401, "unauthorized")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        assertProblem(given().auth().oauth2(after).get(LOCKED_AWAY).then(), 403, "forbidden");
        given().auth().oauth2(People.tokens().forUser(UUID.randomUUID().toString(), "bystander", "admin"))
                .get(LOCKED_AWAY).then().statusCode(200);
    }

    @Test
    void aLowerVersionReadLaterChangesNothing() {
        String user = UUID.randomUUID().toString();
        String atTwo = People.tokens().atAccessVersion(2).forUser(user, "twice", "admin");
        String atOne = People.tokens().atAccessVersion(1).forUser(user, "twice", "admin");

        announce(user, 3, "disabled");
        announce(user, 1, "roles-changed");
        String afterwards = People.tokens().atAccessVersion(3).forUser(user, "twice", "admin");

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(atTwo).get(LOCKED_AWAY).then(), 401, "unauthorized"));
        assertProblem(given().auth().oauth2(atOne).get(LOCKED_AWAY).then(), 401, "unauthorized");
        given().auth().oauth2(afterwards).get(LOCKED_AWAY).then().statusCode(200);
    }

    @Test
    void recordsThatAreNoAccessChangeOrNotFromAuthServiceAreSkippedAndTheFollowerGoesOn() {
        String user = UUID.randomUUID().toString();
        String before = People.tokens().forUser(user, "after-the-noise", "admin");
        String after = People.tokens().atAccessVersion(1).forUser(user, "after-the-noise", "admin");
        Topics topics = Topics.ofThisService();
        topics.send(AccessEvents.TOPIC, user, "not a cloud event");
        topics.sendCloudEvent(AccessEvents.SOURCE, AccessEvents.TOPIC, user, AccessEvents.CHANGED.type(), "{\"userId\":\"" + user + "\"}");
        topics.sendCloudEvent(AccessEvents.SOURCE, AccessEvents.TOPIC, user, AccessEvents.CHANGED.type(), "[1, 2");
        // Had this forgery counted, the version-1 token below would be refused too.
        topics.sendCloudEvent("/casebook/casestudy-service", AccessEvents.TOPIC, user, AccessEvents.CHANGED.type(), change(user, 9, "disabled"));

        announce(user, 1, "logged-out-everywhere");

        await().atMost(SOON).untilAsserted(() ->
                assertProblem(given().auth().oauth2(before).get(LOCKED_AWAY).then(), 401, "unauthorized"));
        given().auth().oauth2(after).get(LOCKED_AWAY).then().statusCode(200);
    }

    private static void announce(String user, long version, String reason) {
        Topics.ofThisService().sendCloudEvent(AccessEvents.SOURCE, AccessEvents.TOPIC, user, AccessEvents.CHANGED.type(),
                change(user, version, reason));
    }

    private static String change(String user, long version, String reason) {
        return "{\"userId\":\"" + user + "\",\"accessVersion\":" + version + ",\"reason\":\"" + reason
                + "\",\"changedAt\":\"" + Instant.now() + "\"}";
    }
}
