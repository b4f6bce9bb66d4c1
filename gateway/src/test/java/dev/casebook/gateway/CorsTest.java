package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Frontends on local development servers may call the API from the browser; other sites may not. */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class CorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:5173", "http://127.0.0.1:8000"})
    void aLocalFrontendsPreflightIsAllowedWithoutAToken(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-request-id,idempotency-key")
                .options("/api/case-studies").then()
                .statusCode(anyOf(is(200), is(204)))
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Allow-Headers", containsString("idempotency-key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example", "https://localhost:3000", "null"})
    void anyOtherSitesPreflightIsRefused(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/case-studies/cs-42").then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .contentType("application/problem+json")
                .body("detail", containsString(origin))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherSitesRequestIsRefusedAsAProblemAndNeverReachesTheService() {
        given().header("Origin", "https://evil.example")
                .get("/api/case-studies/cs-42/revisions").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theGatewaysOwnPagesAreSameOrigin() {
        String own = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().header("Origin", own).get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aLocalFrontendCanReadTheAnswerAndTheHeadersItNeeds() {
        given().header("Origin", "http://localhost:3000")
                .header("Authorization", AccessTokens.bearer(AccessTokens.valid()))
                .get("/api/case-studies/cs-42/revisions").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", not(equalToIgnoringCase("true")))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"))
                .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"));
    }

    @Test
    void aRefusalIsReadableByTheFrontendToo() {
        given().header("Origin", "http://localhost:3000")
                .get("/api/case-studies/cs-42/revisions").then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
    }
}
