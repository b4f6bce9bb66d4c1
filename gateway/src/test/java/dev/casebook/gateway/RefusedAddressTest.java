package dev.casebook.gateway;

import dev.casebook.platform.problem.AddressRefusal;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.gateway.WholeSeconds.wholeSeconds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's 429 that refuses the client's address as a whole (as auth-service's after too many failed logins from
 * it) is given by the gateway itself until its Retry-After runs out; any other 429 is asked again each time.
 */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class RefusedAddressTest {

    private static final Duration REFUSAL_PAUSE = ConfigProvider.getConfig()
            .getValue("casebook.gateway.rate-limit.refusal-pause", Duration.class);
    private static final String TOKEN = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));

    @Test
    void anAddressTheServiceRefusedIsRefusedByTheGatewayUntilRetryAfterAndThenAskedAgain() throws InterruptedException {
        String path = "/api/auth/refuse-address/" + UUID.randomUUID();
        int before = StandIns.requestsTo("auth");
        assertProblem(post(path), 429, "too-many-requests")
                .header("Retry-After", Integer.toString(StandInServices.ADDRESS_REFUSAL_SECONDS))
                .header(AddressRefusal.HEADER, nullValue()); // meant for the gateway only
        assertEquals(before + 1, StandIns.requestsTo("auth"));

        for (int i = 0; i < 5; i++) {
            long sentAt = System.nanoTime();
            ValidatableResponse refused = post(path);
            // A client that asks again at once, ignoring Retry-After, waits a moment for its answer: the refusal pause.
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt), greaterThanOrEqualTo(REFUSAL_PAUSE));
            assertProblem(refused, 429, "too-many-requests")
                    .body("detail", containsString("Too many attempts from this address"))
                    .header("Retry-After", wholeSeconds(allOf(greaterThanOrEqualTo(1),
                            lessThanOrEqualTo(StandInServices.ADDRESS_REFUSAL_SECONDS))));
        }
        assertEquals(before + 1, StandIns.requestsTo("auth"), "refused requests that still reached the service");

        // Other routes of the same address are the service's to judge.
        given().header("Authorization", TOKEN).get("/api/auth/users").then().statusCode(200);
        assertEquals(before + 2, StandIns.requestsTo("auth"));

        Thread.sleep(StandInServices.ADDRESS_REFUSAL_SECONDS * 1000L + 200);
        post(path).statusCode(429);
        assertEquals(before + 3, StandIns.requestsTo("auth"), "the service is asked again once its refusal lifted");
    }

    @Test
    void aRefusalOfOneUsernameIsAskedAgainEveryTime() {
        String path = "/api/auth/refuse-username/" + UUID.randomUUID();
        int before = StandIns.requestsTo("auth");
        for (int i = 0; i < 3; i++) {
            assertProblem(post(path), 429, "too-many-requests").header("Retry-After", "600");
        }
        assertEquals(before + 3, StandIns.requestsTo("auth"));
    }

    private static ValidatableResponse post(String path) {
        return given().header("Authorization", TOKEN).contentType("application/json").body("{}").post(path).then();
    }
}
