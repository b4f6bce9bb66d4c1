package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** What a service learns about the client comes from the gateway, never from the client's own say-so. */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class ForwardedHeadersTest {

    @Test
    void internalHeadersAClientSendsDoNotReachTheService() {
        given().header("Authorization", AccessTokens.bearer(AccessTokens.valid()))
                .header("X-Casebook-User", "admin")
                .header("x-casebook-roles", "admin")
                .header("X-Casebook-Anything", "whatever")
                .get("/api/case-studies/cs-42/revisions").then()
                .statusCode(200)
                .body("headers.'x-casebook-user'", nullValue())
                .body("headers.'x-casebook-roles'", nullValue())
                .body("headers.'x-casebook-anything'", nullValue());
    }

    @Test
    void theGatewaySaysWhoTheClientIsAndWhereClientsReachCasebook() {
        // The test profile leaves casebook.gateway.public-url at its default, the gateway's local address.
        given().header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Ssl", "on")
                .header("X-Forwarded-Prefix", "/admin")
                .header("Forwarded", "for=203.0.113.66;host=evil.example;proto=https")
                .get("/api/case-studies").then()
                .statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", equalTo("localhost:8080"))
                .body("headers.'x-forwarded-port'", equalTo("8080"))
                .body("headers.'x-forwarded-ssl'", nullValue())
                .body("headers.'x-forwarded-prefix'", nullValue())
                .body("headers.forwarded", nullValue());
    }

    @Test
    void aHostileHostHeaderNeverReachesTheService() {
        // Services build absolute links from what they are told here: a client must not choose the host.
        given().header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .get("/api/case-studies").then()
                .statusCode(200)
                .body("headers.'x-forwarded-host'", equalTo("localhost:8080"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-port'", equalTo("8080"))
                .body("headers.host", not(containsString("evil")))
                .body("headers.host", startsWith("127.0.0.1:"));
    }

    @Test
    void headersOnlyTheGatewayStatesComeFromItOnce() {
        // The stand-in sends RateLimit-Limit: 999 of its own.
        given().get("/api/case-studies").then()
                .statusCode(200)
                .header("RateLimit-Limit", "100000");
    }
}
