package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Problems;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SecurityProblemsTest {

    private static final String LOCKED_AWAY = "/notes/locked-away";

    /** A problem about the locked-away note: its instance is the path asked for. */
    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return Problems.assertProblem(response, status, type).body("instance", equalTo(LOCKED_AWAY));
    }

    private static String token(String... groups) {
        return People.tokens().forUser("someone", "someone", groups);
    }

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        assertProblem(given().get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aRefusedTokenIsA401ProblemThatSaysTheTokenIsInvalid() {
        assertProblem(given().header("Authorization", "Bearer not.a.token").get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void anotherAuthorizationSchemeIsTreatedAsNoToken() {
        assertProblem(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aValidTokenWithoutTheRoleIsA403Problem() {
        assertProblem(given().auth().oauth2(token("viewer")).get("/notes/locked-away").then(), 403, "forbidden")
                .body("detail", equalTo("Your roles do not allow GET /notes/locked-away"));
    }

    @Test
    void aValidTokenWithTheRoleIsLetThrough() {
        given().auth().oauth2(token("admin")).get("/notes/locked-away").then()
                .statusCode(200)
                .body(equalTo("the admin's note"));
    }

    @Test
    void aGarbageAuthorizationHeaderOnAPublicRouteIsIgnored() {
        given().header("Authorization", "Bearer \u0001garbage").get("/notes/conflict").then().statusCode(409);
        given().header("Authorization", "garbage").get("/q/health/live").then().statusCode(200);
    }
}
