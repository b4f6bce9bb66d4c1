package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import dev.casebook.testing.PrometheusText;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that keeps failing is left alone for a while: after {@value SteeredServices#FAILURES} failures
 * in a row the gateway answers 503 at once, without trying, for {@value SteeredServices#OPEN_MILLIS} ms;
 * then one trial request decides whether it goes back to normal.
 */
@QuarkusTest
@TestProfile(SteeredServices.class)
class CircuitBreakerTest {

    private static final String CIRCUIT_STATE = "casebook_gateway_circuit_state";

    private static RequestSpecification withToken() {
        return given().header("Authorization", AccessTokens.bearer(AccessTokens.valid()));
    }

    @AfterEach
    void everyServiceServesAgainAndEveryCircuitIsClosed() throws InterruptedException {
        for (String service : StandInServices.SERVICES) {
            StandIns.up(service);
            StandIns.serve(service);
        }
        for (String path : List.of("/api/auth/me", "/api/case-studies/cs-1/revisions", "/api/metrics/views")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (withToken().get(path).statusCode() != 200) {
                assertTrue(System.nanoTime() < deadline, "the circuit for " + path + " closed again within 5 s");
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aServiceThatIsDownIsNotTriedAgainForAWhileAndIsBackAfterwards() throws InterruptedException {
        withToken().get("/api/case-studies/cs-1/revisions").then().statusCode(200);
        StandIns.down("case-studies");
        for (int i = 0; i < SteeredServices.FAILURES; i++) {
            assertProblem(withToken().get("/api/case-studies/cs-1/revisions").then(), 503, "service-unavailable");
        }
        withToken().get("/q/health/group/downstream").then()
                .body("checks.find { it.name == 'case-studies' }.data.circuit", equalTo("open"));
        PrometheusText open = PrometheusText.scrape();
        assertEquals(1, open.value(CIRCUIT_STATE, "route", "case-studies", "state", "open"), "what the breaker-open alert reads");
        assertEquals(0, open.value(CIRCUIT_STATE, "route", "case-studies", "state", "closed"));
        assertEquals(1, open.value(CIRCUIT_STATE, "route", "auth", "state", "closed"), "the others stay closed");

        StandIns.up("case-studies");
        // Open: though the service is back, the gateway does not ask it yet.
        int before = StandIns.requestsTo("case-studies");
        assertProblem(withToken().get("/api/case-studies/cs-1/revisions").then(), 503, "service-unavailable")
                .header("Retry-After", "2") // 1.5 s, rounded up
                .body("detail", equalTo("case-studies is not available right now"));
        assertEquals(before, StandIns.requestsTo("case-studies"), "requests that reached the service while the circuit was open");

        Thread.sleep(SteeredServices.OPEN_MILLIS + 300);
        withToken().get("/api/case-studies/cs-1/revisions").then().statusCode(200).body("service", equalTo("case-studies"));
        withToken().get("/api/case-studies/cs-1/revisions").then().statusCode(200);
        given().get("/q/health/group/downstream").then()
                .body("checks.find { it.name == 'case-studies' }.data.circuit", equalTo("closed"));
        assertEquals(1, PrometheusText.scrape().value(CIRCUIT_STATE, "route", "case-studies", "state", "closed"));
    }

    @Test
    void aServiceThatHangsOpensTheCircuitAndThenIsAnsweredForAtOnce() throws InterruptedException {
        StandIns.hang("metrics");
        for (int i = 0; i < SteeredServices.FAILURES; i++) {
            assertProblem(withToken().get("/api/metrics/views").then(), 504, "gateway-timeout");
        }
        int before = StandIns.requestsTo("metrics");
        // Without the breaker this would wait for the 1 s timeout again.
        assertProblem(withToken().get("/api/metrics/views").then(), 503, "service-unavailable")
                .time(lessThan(700L));
        assertEquals(before, StandIns.requestsTo("metrics"), "requests that reached the hanging service while the circuit was open");

        // Still hanging at the trial: the circuit opens again.
        Thread.sleep(SteeredServices.OPEN_MILLIS + 300);
        assertProblem(withToken().get("/api/metrics/views").then(), 504, "gateway-timeout");
        assertProblem(withToken().get("/api/metrics/views").then(), 503, "service-unavailable").time(lessThan(700L));

        StandIns.serve("metrics");
        Thread.sleep(SteeredServices.OPEN_MILLIS + 300);
        withToken().get("/api/metrics/views").then().statusCode(200);
    }

    @Test
    void errorsAServiceAnswersWithDoNotOpenTheCircuit() {
        for (int i = 0; i < SteeredServices.FAILURES + 2; i++) {
            withToken().get("/api/auth/fail").then().statusCode(500).body("detail", equalTo("The stand-in failed on purpose"));
            withToken().get("/api/auth/refuse").then().statusCode(401);
        }
        withToken().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void oneServicesOpenCircuitLeavesTheOthersAlone() {
        StandIns.down("case-studies");
        for (int i = 0; i < SteeredServices.FAILURES + 1; i++) {
            withToken().get("/api/case-studies/cs-1/revisions").then().statusCode(503);
        }
        withToken().get("/api/auth/me").then().statusCode(200);
        withToken().get("/api/metrics/views").then().statusCode(200);
    }
}
