package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.casebook.auth.Auth.PASSWORD;
import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.auth.Auth.createUser;
import static dev.casebook.testing.Accounts.login;
import static dev.casebook.testing.Accounts.uniqueName;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class LoginThrottlingTest {

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaits() {
        String username = uniqueName("guessed");
        createUser(username, "viewer");
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-guess-" + i).then().statusCode(401);
        }
        String retryAfter = assertProblem(login(username, PASSWORD).then(), 429, "too-many-requests")
                .body("detail", containsString("Too many failed logins"))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter), allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));
        // Also in another case: the count is per username, not per spelling.
        login(username.toUpperCase(), PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void fewerFailuresDoNotThrottleAndASuccessStartsTheCountAgain() {
        String username = uniqueName("clumsy");
        createUser(username, "viewer");
        for (int i = 0; i < 4; i++) {
            login(username, "wrong-guess-" + i).then().statusCode(401);
        }
        login(username, PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(username, "wrong-guess-" + i).then().statusCode(401);
        }
        login(username, PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnesAndOthersAreNot() {
        String nobody = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            login(nobody, "guess-" + i).then().statusCode(401);
        }
        login(nobody, "guess-6").then().statusCode(429);

        String bystander = uniqueName("bystander");
        createUser(bystander, "viewer");
        login(bystander, PASSWORD).then().statusCode(200);
    }
}
