package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The scheme, host and port the services are told come from casebook.gateway.public-url, not from the client. */
@QuarkusTest
@TestProfile(BehindAPublicUrl.class)
class PublicUrlTest {

    @Test
    void theServicesAreToldThePublicUrlThoughTheClientCameInOverPlainHttp() {
        given().header("Host", "evil.example:8443")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Port", "8443")
                .get("/api/case-studies").then()
                .statusCode(200)
                .body("headers.'x-forwarded-proto'", equalTo("https"))
                .body("headers.'x-forwarded-host'", equalTo("casebook.example.org"))
                .body("headers.'x-forwarded-port'", equalTo("443"));
    }

    @Test
    void aProtectedRouteIsForwardedTheSameWay() {
        given().header("Authorization", AccessTokens.bearer(AccessTokens.valid()))
                .header("Host", "evil.example")
                .post("/api/case-studies/cs-42/publish").then()
                .statusCode(200)
                .body("path", equalTo("/api/case-studies/cs-42/publish"))
                .body("headers.'x-forwarded-host'", equalTo("casebook.example.org"));
    }
}
