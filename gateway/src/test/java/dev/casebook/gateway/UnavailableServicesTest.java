package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(SomeServicesDown.class)
class UnavailableServicesTest {

    private static RequestSpecification withToken() {
        return given().header("Authorization", AccessTokens.bearer(AccessTokens.valid()));
    }

    @Test
    void aServiceNobodyAnswersForIsUnavailableWithinTwoSeconds() {
        Response response = given().header("X-Request-Id", "unavailable-0001").get("/api/case-studies/cs-42");
        assertProblem(response.then(), 503, "service-unavailable")
                .time(lessThan(2000L))
                .header("X-Request-Id", "unavailable-0001")
                .body("detail", equalTo("case-studies is not available right now"))
                .body("instance", equalTo("/api/case-studies/cs-42"))
                .body("requestId", equalTo("unavailable-0001"));
    }

    @Test
    void aBodySentToAnUnavailableServiceGetsTheSameAnswer() {
        assertProblem(withToken().contentType(ContentType.JSON).body("{\"title\": \"Draft\"}")
                .post("/api/case-studies").then(), 503, "service-unavailable")
                .time(lessThan(2000L));
    }

    @Test
    void aServiceThatHangsUpWithoutAnAnswerIsUnavailable() {
        assertProblem(withToken().get("/api/auth/hang-up").then(), 503, "service-unavailable")
                .body("detail", equalTo("auth is not available right now"));
    }

    @Test
    void aReadWhoseConnectionClosesUnderItIsSentAgainOnANewOne() {
        // As when the pool lends a connection the service is closing: the service is fine, the client gets its answer.
        String path = "/api/auth/hang-up-once/" + UUID.randomUUID();
        withToken().get(path).then()
                .statusCode(200)
                .body("method", equalTo("GET"))
                .body("path", equalTo(path));
    }

    @Test
    void aWriteWhoseConnectionClosesUnderItIsNotSentAgain() {
        // The service may have acted on it: whether to send it again is the client's call.
        String path = "/api/auth/hang-up-once/" + UUID.randomUUID();
        assertProblem(withToken().contentType(ContentType.JSON).body("{\"note\": 1}").post(path).then(),
                503, "service-unavailable");
        withToken().contentType(ContentType.JSON).body("{\"note\": 1}").post(path).then()
                .statusCode(200)
                .body("body", equalTo("{\"note\": 1}"));
    }

    @Test
    void otherServicesKeepWorkingWhileOneIsUnavailable() {
        given().get("/api/case-studies/cs-42").then().statusCode(503);
        withToken().get("/api/auth/me").then()
                .statusCode(200)
                .body("service", equalTo("auth"));
    }

    @Test
    void aServiceSlowerThanItsTimeoutIsAGatewayTimeout() {
        // The stand-in answers after 10 s: only the configured 1 s timeout, not the 5 s default, answers this fast.
        assertProblem(withToken().get("/api/metrics/views").then(), 504, "gateway-timeout")
                .time(lessThan(3000L))
                .body("detail", equalTo("metrics did not answer within 1 s"));
    }

    @Test
    void aWriteThatTimesOutIsA504AndReachedTheServiceOnlyOnce() {
        // The service may still act on it: the gateway never sends a write again; a client retries with an Idempotency-Key.
        int before = StandIns.requestsTo("metrics");
        assertProblem(withToken().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("[]").post("/api/metrics/case-studies/" + UUID.randomUUID() + "/samples").then(), 504, "gateway-timeout");
        assertEquals(before + 1, StandIns.requestsTo("metrics"));
    }

    @Test
    void theGatewayStaysReadyAndItsDownstreamGroupSaysWhichServicesAreNot() {
        // It can verify tokens and routes to what is up: taking it out of its Service would take every route with it.
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get("/q/health/group/downstream").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'case-studies' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'case-studies' }.data.reason", containsString("not reachable"))
                .body("checks.find { it.name == 'case-studies' }.data.url", containsString("http://127.0.0.1:"))
                .body("checks.find { it.name == 'metrics' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'metrics' }.data.reason", equalTo("not ready: its readiness answered 503"))
                .body("checks.find { it.name == 'auth' }.status", equalTo("UP"));
    }

    @Test
    void theApiDescriptionLeavesOutServicesThatCannotHandOverTheirsAndSaysSo() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/auth/login'.post", notNullValue())
                .body("paths.keySet().findAll { it.startsWith('/api/case-studies') }", empty())
                .body("paths.keySet().findAll { it.startsWith('/api/metrics') }", empty())
                .body("info.'x-casebook-left-out'.service", containsInAnyOrder("case-studies", "metrics"))
                .body("info.'x-casebook-left-out'.find { it.service == 'case-studies' }.reason", containsString("not reachable"))
                .body("info.'x-casebook-left-out'.find { it.service == 'metrics' }.reason", containsString("no answer within"))
                .body("info.description", containsString("Left out for now"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void theGatewayItselfStaysAlive() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
