package dev.casebook.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Whatever a client sends, the answer is a 4xx problem+json with a request id, and the stack keeps serving. */
@ExtendWith(RunningCasebook.class)
class ProblemsIT {

    static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(status))
                .body("type", matchesPattern("https://casebook\\.dev/problems/[a-z-]+"))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("\tat ")))
                .body(not(containsString("Exception")));
    }

    @Test
    void anUnknownPathOnTheGatewayIsAProblem() {
        isProblem(given().get("/api/unknown").then(), 404).body("instance", equalTo("/api/unknown"));
        isProblem(given().get("/").then(), 404);
    }

    @Test
    void aWrongMethodIsAProblem() {
        var admin = Accounts.admin();
        isProblem(admin.request().contentType(ContentType.JSON).body("{}").post("/api/auth/roles").then(), 405);
        isProblem(admin.request().delete("/api/metrics/catalog").then(), 405);
    }

    @Test
    void aWrongAcceptIsAProblem() {
        isProblem(given().accept("application/pdf").get("/api/case-studies/template").then(), 406);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        isProblem(Accounts.admin().request().contentType(ContentType.JSON).body(huge).post("/api/case-studies").then(), 413);
        // and the gateway keeps serving
        given().get("/api/auth/roles").then().statusCode(200);
    }

    @Test
    void aMalformedRequestIdIsReplacedAndTheNewOneIsUsedDownstream() {
        var admin = Accounts.admin();
        String id = admin.request().header("X-Request-Id", "<script>").get("/api/metrics/unknown").then()
                .statusCode(404)
                .extract().header("X-Request-Id");
        admin.request().header("X-Request-Id", id).get("/api/metrics/unknown").then()
                .body("requestId", equalTo(id));
        org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }
}
