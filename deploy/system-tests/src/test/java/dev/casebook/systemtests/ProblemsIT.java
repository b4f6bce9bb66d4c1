package dev.casebook.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Whatever a client sends, the answer is a 4xx problem+json with a request id, and the stack keeps serving. */
@ExtendWith(RunningCasebook.class)
class ProblemsIT {

    @Test
    void anUnknownPathOnTheGatewayIsAProblem() {
        assertProblem(given().get("/api/unknown").then(), 404).body("instance", equalTo("/api/unknown"));
        assertProblem(given().get("/").then(), 404);
    }

    @Test
    void aWrongMethodIsAProblem() {
        var admin = RunningCasebook.admin();
        assertProblem(admin.request().contentType(ContentType.JSON).body("{}").post("/api/auth/roles").then(), 405);
        assertProblem(admin.request().delete("/api/metrics/catalog").then(), 405);
    }

    @Test
    void aWrongAcceptIsAProblem() {
        assertProblem(given().accept("application/pdf").get("/api/case-studies/template").then(), 406);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        assertProblem(RunningCasebook.admin().request().contentType(ContentType.JSON).body(huge).post("/api/case-studies").then(), 413);
        // and the gateway keeps serving
        given().get("/api/auth/roles").then().statusCode(200);
    }

    @Test
    void aMalformedRequestIdIsReplacedAndTheNewOneIsUsedDownstream() {
        var admin = RunningCasebook.admin();
        String id = admin.request().header("X-Request-Id", "<script>").get("/api/metrics/unknown").then()
                .statusCode(404)
                .extract().header("X-Request-Id");
        admin.request().header("X-Request-Id", id).get("/api/metrics/unknown").then()
                .body("requestId", equalTo(id));
        org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }
}
