package dev.casebook.gateway;

import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static dev.casebook.gateway.AccessTokens.bearer;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway checks access tokens before any service sees a request: which routes are public, what a
 * refusal looks like, and which tokens are refused.
 */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class AccessTokenTest {

    private static final String PROTECTED = "/api/case-studies/cs-42/revisions";
    private static final String NEEDS_A_TOKEN = "This request needs an access token: send 'Authorization: Bearer <token>'";
    private static final String BAD_TOKEN = "The access token is not valid (malformed, expired, revoked or not issued by Casebook); log in again";

    // --- public routes

    @ParameterizedTest
    @CsvSource({
            "POST, /api/auth/login",
            "POST, /api/auth/refresh",
            "POST, /api/auth/logout",
            "GET,  /api/auth/jwks",
            "GET,  /api/auth/roles",
            "GET,  /api/case-studies",
            "HEAD, /api/case-studies",
            "GET,  /api/case-studies/moving-to-event-sourcing",
            "GET,  /api/case-studies/0b9e8a52-8d4c-4a39-9b53-2b1f4a1e7c11",
            "GET,  /api/case-studies/template",
            "GET,  /api/metrics/analytics/cs-42",
            "GET,  /api/metrics/analytics/cs-42/trend",
            "GET,  /api/metrics/catalog",
    })
    void publicRoutesNeedNoToken(String method, String path) {
        RequestSpecification request = method.equals("POST") ? given().contentType(ContentType.JSON).body("{}") : given();
        request.request(method, path).then().statusCode(200);
    }

    @Test
    void theGatewaysOwnEndpointsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aValidTokenOnAPublicReadIsCheckedAndPassedOnForTheServiceToShowMore() {
        String authorization = bearer(AccessTokens.valid());
        given().header("Authorization", authorization).get("/api/case-studies/my-draft").then()
                .statusCode(200)
                .body("headers.authorization", equalTo(authorization));
    }

    @Test
    void aBadTokenOnAPublicReadIsRefusedRatherThanIgnored() {
        refusedAsInvalid(given().header("Authorization", bearer("not-a-token")).get("/api/case-studies"));
    }

    @ParameterizedTest
    @CsvSource({"/api/auth/login", "/api/auth/refresh", "/api/auth/logout"})
    void sessionRoutesDoNotLookAtAnOldAccessTokenStillSentAlong(String path) {
        // The credential is in the body; a client refreshing because its access token expired still sends that along.
        String expired = bearer(expiredSince(Duration.ofHours(1)));
        given().header("Authorization", expired).contentType(ContentType.JSON).body("{\"refreshToken\":\"r\"}")
                .post(path).then()
                .statusCode(200)
                .body("path", equalTo(path))
                .body("headers.authorization", equalTo(expired));
    }

    // --- protected routes

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/auth/me",
            "GET,    /api/auth/users",
            "GET,    /api/auth/login",
            "POST,   /api/auth/roles",
            "POST,   /api/case-studies",
            "PUT,    /api/case-studies/cs-42",
            "DELETE, /api/case-studies/cs-42",
            "GET,    /api/case-studies/cs-42/revisions",
            "POST,   /api/case-studies/cs-42/publish",
            "GET,    /api/case-studies/a%2Fb",
            "POST,   /api/metrics/catalog",
            "GET,    /api/metrics/views",
            "POST,   /api/metrics/analytics/cs-42",
    })
    void everythingElseNeedsAToken(String method, String path) {
        int before = StandIns.requestsTo(serviceOf(path));
        assertProblem(given().urlEncodingEnabled(false).request(method, path).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo(NEEDS_A_TOKEN));
        assertEquals(before, StandIns.requestsTo(serviceOf(path)), "requests that reached the service");
    }

    @Test
    void aValidTokenReachesTheServiceWithTheAuthorizationHeaderIntact() {
        String authorization = bearer(AccessTokens.valid());
        given().header("Authorization", authorization).get(PROTECTED).then()
                .statusCode(200)
                .body("service", equalTo("case-studies"))
                .body("headers.authorization", equalTo(authorization));
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        given().header("Authorization", "bearer " + AccessTokens.valid()).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void anotherSchemeIsNoAccessToken() {
        assertProblem(given().header("Authorization", "Basic YWRhOnNlY3JldA==").get(PROTECTED).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    // --- refused tokens

    @Test
    void garbageIsRefused() {
        refusedAsInvalid(given().header("Authorization", bearer("garbage")).get(PROTECTED));
        refusedAsInvalid(given().header("Authorization", bearer("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).get(PROTECTED));
    }

    @Test
    void anExpiredTokenIsRefused() {
        refusedAsInvalid(given().header("Authorization", bearer(expiredSince(Duration.ofMinutes(5)))).get(PROTECTED));
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
        given().header("Authorization", bearer(expiredSince(Duration.ofSeconds(5)))).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused(@TempDir Path elsewhere) throws IOException {
        SigningKeys otherKeys = SigningKeys.inDirectory(elsewhere);
        String forged = TestTokens.from(otherKeys.privateKey().toString(), otherKeys.jwks().toString())
                .forUser("22222222-2222-2222-2222-222222222222", "mallory", "admin");
        refusedAsInvalid(given().header("Authorization", bearer(forged)).get(PROTECTED));
    }

    @Test
    void aTokenSignedWithAnotherKeyButClaimingTheRealKeyIdIsRefused(@TempDir Path elsewhere) throws IOException {
        SigningKeys otherKeys = SigningKeys.inDirectory(elsewhere);
        String token = TestTokens.from(otherKeys.privateKey().toString(), otherKeys.jwks().toString())
                .forUser("22222222-2222-2222-2222-222222222222", "mallory", "admin");
        String[] parts = token.split("\\.");
        String realHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + AccessTokens.realKid() + "\"}").getBytes(StandardCharsets.UTF_8));
        refusedAsInvalid(given().header("Authorization", bearer(realHeader + "." + parts[1] + "." + parts[2])).get(PROTECTED));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refusedAsInvalid(given().header("Authorization",
                bearer(AccessTokens.unsigned(AccessTokens.claims("https://casebook.dev", inAQuarterHour())))).get(PROTECTED));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        refusedAsInvalid(given().header("Authorization", bearer(AccessTokens.hs256WithThePublicKey(
                AccessTokens.realKid(), AccessTokens.claims("https://casebook.dev", inAQuarterHour())))).get(PROTECTED));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = AccessTokens.signedWithTheRealKey(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + AccessTokens.realKid() + "\"}",
                AccessTokens.claims("https://evil.example", inAQuarterHour()));
        refusedAsInvalid(given().header("Authorization", bearer(token)).get(PROTECTED));
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() {
        String token = AccessTokens.signedWithTheRealKey(realKeyHeader(),
                AccessTokens.claims("https://casebook.dev", null, inAQuarterHour()));
        int before = StandIns.requestsTo("case-studies");
        refusedAsInvalid(given().header("Authorization", bearer(token)).get(PROTECTED));
        assertEquals(before, StandIns.requestsTo("case-studies"), "requests that reached the service");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // Signed with Casebook's own key and issuer, but meant for another system that trusts them.
        String token = AccessTokens.signedWithTheRealKey(realKeyHeader(),
                AccessTokens.claims("https://casebook.dev", "reporting", inAQuarterHour()));
        refusedAsInvalid(given().header("Authorization", bearer(token)).get(PROTECTED));
        refusedAsInvalid(given().header("Authorization", bearer(
                AccessTokens.issued().withAudience("casebook-admin").forUser("11111111-1111-1111-1111-111111111111", "ada", "author")))
                .get(PROTECTED));
    }

    @Test
    void aTokenWithoutAnAudienceIsRefusedOnAPublicReadToo() {
        String token = AccessTokens.issued().withAudience(null).forUser("11111111-1111-1111-1111-111111111111", "ada", "author");
        refusedAsInvalid(given().header("Authorization", bearer(token)).get("/api/case-studies"));
    }

    @Test
    void aTokenNamingAKeyAuthDoesNotPublishIsRefused() {
        String token = AccessTokens.signedWithTheRealKey(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"retired-key-2019\"}",
                AccessTokens.claims("https://casebook.dev", inAQuarterHour()));
        refusedAsInvalid(given().header("Authorization", bearer(token)).get(PROTECTED));
    }

    @Test
    void theSameTokenSignedAndIssuedProperlyIsAccepted() {
        // The control for the forgeries above: what they lack is the only difference.
        String token = AccessTokens.signedWithTheRealKey(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + AccessTokens.realKid() + "\"}",
                AccessTokens.claims("https://casebook.dev", inAQuarterHour()));
        given().header("Authorization", bearer(token)).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void aRefusalNeverEchoesTheToken() {
        String token = AccessTokens.unsigned(AccessTokens.claims("https://casebook.dev", inAQuarterHour()));
        refusedAsInvalid(given().header("Authorization", bearer(token)).get(PROTECTED))
                .body(not(containsString(token)))
                .body(not(containsString(token.substring(0, 20))));
    }

    @Test
    void theKeySetIsFetchedOnceAndKept() {
        given().header("Authorization", bearer(AccessTokens.valid())).get(PROTECTED).then().statusCode(200);
        int fetches = StandIns.jwksFetches();
        for (String user : List.of("1", "2", "3", "4", "5")) {
            given().header("Authorization", bearer(AccessTokens.validFor(user))).get(PROTECTED).then().statusCode(200);
        }
        assertEquals(fetches, StandIns.jwksFetches(), "key set fetches for tokens of a key already known");
    }

    private static ValidatableResponse refusedAsInvalid(Response response) {
        return assertProblem(response.then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .header("X-Stand-In", nullValue())
                .body("detail", equalTo(BAD_TOKEN));
    }

    private static String expiredSince(Duration ago) {
        Instant expiry = Instant.now().minus(ago);
        return AccessTokens.issued().sign("33333333-3333-3333-3333-333333333333", "ada", List.of("author"),
                expiry.minus(Duration.ofMinutes(15)), expiry);
    }

    private static String realKeyHeader() {
        return "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + AccessTokens.realKid() + "\"}";
    }

    private static Instant inAQuarterHour() {
        return Instant.now().plus(Duration.ofMinutes(15));
    }

    private static String serviceOf(String path) {
        return path.split("/")[2];
    }
}
