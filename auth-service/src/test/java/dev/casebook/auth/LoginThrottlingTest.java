package dev.casebook.auth;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.auth.domain.Pause;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.problem.AddressRefusal;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.testing.Accounts.login;
import static dev.casebook.testing.Accounts.uniqueName;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Failed logins are counted per username and client address, and per address: the address that guesses is
 * refused, the real user elsewhere is only slowed down. The tests come from 127.0.0.1, which auth-service trusts
 * to say who the client is (as it trusts the gateway), so X-Forwarded-For plays the client's address.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class LoginThrottlingTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(new Random().nextInt(1 << 23));

    @Inject
    AccountSettings settings;

    @Test
    void afterFiveFailuresFromOneAddressEvenTheRightPasswordWaitsThere() {
        String username = uniqueName("guessed");
        createUser(username, "viewer");
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            loginFrom(attacker, username, "wrong-guess-" + i).then().statusCode(401);
        }
        String retryAfter = assertProblem(loginFrom(attacker, username, PASSWORD).then(), 429, "too-many-requests")
                .body("detail", containsString("Too many failed logins for this username from this address"))
                // The address's other users may still log in: a gateway must ask again next time.
                .header(AddressRefusal.HEADER, nullValue())
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter), allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));
        // Also in another case: the count is per username, not per spelling.
        loginFrom(attacker, username.toUpperCase(), PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void eightWrongPasswordsForAnAdminFromOneAddressDoNotKeepTheRealAdminOut() {
        String admin = uniqueName("second-admin");
        createUser(admin, "admin");
        String attacker = address();
        for (int i = 0; i < 8; i++) {
            loginFrom(attacker, admin, "wrong-guess-" + i).then().statusCode(i < 5 ? 401 : 429);
        }
        loginFrom(address(), admin, PASSWORD).then().statusCode(200);
        // The attacker is still refused, and a wrong password from elsewhere is still only wrong.
        loginFrom(attacker, admin, PASSWORD).then().statusCode(429);
        loginFrom(address(), admin, "wrong-again").then().statusCode(401);
        loginFrom(address(), admin, PASSWORD).then().statusCode(200);
    }

    @Test
    void fewerFailuresDoNotThrottleAndASuccessStartsTheCountAgain() {
        String username = uniqueName("clumsy");
        createUser(username, "viewer");
        String home = address();
        for (int i = 0; i < 4; i++) {
            loginFrom(home, username, "wrong-guess-" + i).then().statusCode(401);
        }
        loginFrom(home, username, PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            loginFrom(home, username, "wrong-guess-" + i).then().statusCode(401);
        }
        loginFrom(home, username, PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnesAndOthersAreNot() {
        String nobody = uniqueName("nobody");
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            loginFrom(attacker, nobody, "guess-" + i).then().statusCode(401);
        }
        loginFrom(attacker, nobody, "guess-6").then().statusCode(429);

        String bystander = uniqueName("bystander");
        createUser(bystander, "viewer");
        loginFrom(attacker, bystander, PASSWORD).then().statusCode(200);
    }

    @Test
    void anAddressThatFailsForManyUsernamesIsRefusedForEveryUsername() {
        String sprayer = address();
        int limit = settings.login().maxFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            loginFrom(sprayer, uniqueName("sprayed"), "Winter2026!").then().statusCode(401);
        }
        String username = uniqueName("sprayed-real");
        createUser(username, "viewer");
        String retryAfter = assertProblem(loginFrom(sprayer, username, PASSWORD).then(), 429, "too-many-requests")
                .body("detail", containsString("Too many failed logins from this address"))
                // Every login from it gets this answer until Retry-After: the gateway may give it itself.
                .header(AddressRefusal.HEADER, AddressRefusal.SCOPE)
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter), allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));
        // Its neighbour is someone else.
        loginFrom(address(), username, PASSWORD).then().statusCode(200);
    }

    @Test
    void eachRecentFailureForAUsernameDoublesTheWaitBeforeItsNextCheckUpToTheCap() {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        QuarkusMock.installMockForType(new Pause(null) {
            @Override
            public CompletionStage<Void> of(Duration wait) {
                waits.add(wait);
                return CompletableFuture.completedFuture(null);
            }
        }, Pause.class);
        String username = uniqueName("slowed");
        createUser(username, "viewer");
        // Each address stays under its own limit: the waits follow the username's failures from anywhere.
        for (int i = 0; i < 7; i++) {
            loginFrom(address(), username, "wrong-guess-" + i).then().statusCode(401);
        }
        loginFrom(address(), username, PASSWORD).then().statusCode(200);

        Duration base = settings.login().delayBase();
        Duration cap = settings.login().maxDelay();
        List<Duration> expected = new ArrayList<>();
        for (int failures = 1; failures <= 7; failures++) {
            Duration wait = base.multipliedBy(1L << (failures - 1));
            expected.add(wait.compareTo(cap) < 0 ? wait : cap);
        }
        assertEquals(expected, waits, "no wait before the first check, then one per earlier failure");
        assertEquals(cap, expected.get(6), "the test reaches the cap");
    }

    private static Response loginFrom(String address, String username, String password) {
        return given().header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    /** A client address no other test uses (in the private 10/8). */
    static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }
}
