package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ProblemFormatTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .post("/notes").then(), 400, "malformed-body")
                .body("detail", containsString("not valid JSON"))
                .body("instance", equalTo("/notes"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"text\": \"hi\", \"mood\": \"ANGRY\"}")
                .post("/notes").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("mood"))
                .body("errors[0].message", equalTo("must be one of [CALM, BUSY]"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedType() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"text\": \"hi\", \"mood\": \"CALM\", \"priority\": \"high\"}")
                .post("/notes").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"text\": \"hi\", \"mood\": \"CALM\", \"id\": 7}")
                .post("/notes").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        assertProblem(given().contentType(ContentType.JSON).body("[1, 2]").post("/notes").then(), 400, "malformed-body");
    }

    @Test
    void validationFailuresListEveryFieldByItsJsonPath() {
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"text\": \"\", \"mood\": \"CALM\", \"priority\": 11, \"author\": {\"name\": \" \"}, \"tags\": [\"ok\", \"far too long\"]}")
                .post("/notes").then(), 400, "validation-failed")
                .body("errors", hasSize(4))
                .body("errors.field", hasItems("text", "priority", "author.name", "tags[1]"));
    }

    @Test
    void theFieldOfAnInvalidListElementIsNamedAfterItsIndex() {
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"text\": \"t\", \"mood\": \"CALM\", \"coauthors\": [{\"name\": \"Ann\"}, {\"name\": \"\"}]}")
                .post("/notes").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("coauthors[1].name"));
    }

    @Test
    void aMissingBodyIsAValidationFailure() {
        assertProblem(given().contentType(ContentType.JSON).post("/notes").then(), 400, "validation-failed");
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        String huge = "{\"text\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"mood\": \"CALM\"}";
        assertProblem(given().contentType(ContentType.JSON).body(huge).post("/notes").then(), 413, "content-too-large");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRefusedAsAProblemToo() throws Exception {
        byte[] huge = ("{\"text\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"mood\": \"CALM\"}").getBytes();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/notes"))
                .header("Content-Type", "application/json")
                // an InputStream of unknown length is sent chunked, with no Content-Length
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        assertThat(answer.body(), containsString("\"requestId\""));
        assertThat(answer.body(), containsString("over the limit"));
    }

    @Test
    void aWrongContentTypeIsRefused() {
        assertProblem(given().contentType(ContentType.XML).body("<note/>").post("/notes").then(), 415, "unsupported-media-type")
                .body("detail", containsString("application/xml"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertProblem(given().get("/no/such/thing").then(), 404, "not-found")
                .body("instance", equalTo("/no/such/thing"));
        assertProblem(given().get("/notes/unknown/child").then(), 404, "not-found");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        assertProblem(given().delete("/notes").then(), 405, "method-not-allowed")
                .body("detail", equalTo("Method DELETE is not allowed on /notes"));
    }

    @Test
    void aServiceProblemKeepsItsPropertiesAndHeaders() {
        assertProblem(given().get("/notes/conflict").then(), 409, "conflict")
                .body("detail", equalTo("The note is locked"))
                .body("currentStatus", equalTo("LOCKED"))
                .header("Retry-After", "5");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() {
        assertProblem(given().get("/notes/broken").then(), 500, "internal-error")
                .body(not(containsString("internal detail")))
                .body("detail", containsString("request id"));
    }

    @Test
    void aWellFormedRequestIdIsKeptAndEchoed() {
        given().header("X-Request-Id", "frontend-req-0001").get("/no/such/thing").then()
                .statusCode(404)
                .header("X-Request-Id", "frontend-req-0001")
                .body("requestId", equalTo("frontend-req-0001"));
    }

    @Test
    void aMalformedRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id\nInjected: yes").get("/notes/conflict").then()
                .statusCode(409)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("requestId", matchesPattern(UUID_PATTERN));
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void readinessReportsTheMigratedSchema() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("database-schema"));
    }
}
