package dev.casebook.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routing as such: every request here carries a valid access token, so only routing decides the outcome. */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class RoutingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URI gateway;

    private static RequestSpecification withToken() {
        return given().header("Authorization", AccessTokens.bearer(AccessTokens.valid()));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/login,                  auth",
            "/api/auth,                        auth",
            "/api/case-studies,                case-studies",
            "/api/case-studies/cs-42/sections, case-studies",
            "/api/metrics/views,               metrics",
    })
    void eachPrefixAndEverythingBelowItReachesItsService(String path, String service) {
        withToken().get(path).then()
                .statusCode(200)
                .header("X-Stand-In", service)
                .body("service", equalTo(service))
                .body("path", equalTo(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void methodPathQueryAndBodyArriveIntact(String method) {
        String body = "{\"title\": \"Moving to event sourcing\", \"tags\": [\"kafka\", \"ü\"]}";
        withToken().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body)
                .request(method, "/api/case-studies/cs-42/revisions?draft=true&q=a%26b%20c")
                .then()
                .statusCode(200)
                .body("service", equalTo("case-studies"))
                .body("method", equalTo(method))
                .body("path", equalTo("/api/case-studies/cs-42/revisions"))
                .body("query", equalTo("draft=true&q=a%26b%20c"))
                .body("body", equalTo(body))
                .body("headers.'content-type'", equalTo("application/json"));
    }

    @Test
    void aRequestWithoutQueryArrivesWithoutOne() {
        withToken().get("/api/metrics/views").then().statusCode(200).body("query", nullValue());
    }

    @Test
    void whateverHostTheClientNamesTheRequestGoesToItsServiceAsItself() {
        // The service is addressed as itself, and told where clients reach Casebook (ForwardedHeadersTest).
        withToken().header("Host", "evil.example").get("/api/metrics/views").then()
                .statusCode(200)
                .header("X-Stand-In", "metrics")
                .body("path", equalTo("/api/metrics/views"))
                .body("headers.host", equalTo(URI.create(ConfigProvider.getConfig()
                        .getValue("casebook.gateway.routes.metrics.url", String.class)).getAuthority()))
                .body("headers.'x-forwarded-host'", equalTo("localhost:8080"));
    }

    @Test
    void validatorsAndCachingRulesPassThroughAndA304ComesBackAsTheServiceSentIt() {
        Response read = given().get("/api/case-studies/cached");
        read.then().statusCode(200)
                .header("ETag", StandInServices.CACHED_ETAG)
                .header("Cache-Control", "public, max-age=60")
                .body("cached", equalTo(true));
        assertThat(read.headers().getValues("Vary"), hasItem("Accept, Authorization"));

        Response notModified = given().header("If-None-Match", StandInServices.CACHED_ETAG).get("/api/case-studies/cached");
        notModified.then().statusCode(304)
                .header("ETag", StandInServices.CACHED_ETAG)
                .header("Cache-Control", "public, max-age=60")
                .body(emptyString());
        assertThat(notModified.headers().getValues("Vary"), hasItem("Accept, Authorization"));

        withToken().header("If-None-Match", "\"3-md\"").get("/api/case-studies/cs-42").then()
                .statusCode(200)
                .body("headers.'if-none-match'", equalTo("\"3-md\""));
    }

    @Test
    void authorizationAndOtherHeadersPassThrough() {
        String authorization = AccessTokens.bearer(AccessTokens.valid());
        given().header("Authorization", authorization)
                .header("Accept-Language", "de-CH")
                .get("/api/auth/me").then()
                .statusCode(200)
                .body("headers.authorization", equalTo(authorization))
                .body("headers.'accept-language'", equalTo("de-CH"));
    }

    @Test
    void theRequestIdTheClientSentReachesTheServiceAndComesBackOnce() {
        Response response = withToken().header("X-Request-Id", "client-chosen-0001").get("/api/case-studies");
        response.then()
                .statusCode(200)
                .header("X-Request-Id", "client-chosen-0001")
                .body("headers.'x-request-id'", equalTo("client-chosen-0001"));
        assertEquals(1, response.headers().getValues("X-Request-Id").size(), "X-Request-Id headers in the answer");
    }

    @Test
    void aClientWithoutRequestIdGetsOneAndTheServiceSeesTheSame() {
        Response response = withToken().get("/api/auth/me");
        String id = response.header("X-Request-Id");
        response.then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.'x-request-id'", equalTo(id));
    }

    @Test
    void aMalformedRequestIdIsReplacedBeforeItReachesTheService() {
        Response response = withToken().header("X-Request-Id", "bad id!").get("/api/auth/me");
        response.then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.'x-request-id'", equalTo(response.header("X-Request-Id")));
    }

    @Test
    void theServicesOwnProblemPassesThroughUnchanged() {
        String body = withToken().get("/api/auth/refuse").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .extract().asString();
        assertEquals(StandInServices.REFUSAL, body);
    }

    @Test
    void aLargeBodyArrivesWhole() {
        byte[] body = new byte[900 * 1024];
        new Random(7).nextBytes(body);
        withToken().contentType(ContentType.BINARY).body(body).post("/api/metrics/imports").then()
                .statusCode(200)
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(StandInServices.sha256(body)));
    }

    @Test
    void aChunkedBodyArrivesWhole() throws Exception {
        byte[] body = new byte[300 * 1024];
        new Random(11).nextBytes(body);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(gateway.resolve("/api/case-studies/cs-1/attachments"))
                        .header("Authorization", AccessTokens.bearer(AccessTokens.valid()))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject received = new JsonObject(response.body());
        assertEquals("chunked", received.getJsonObject("headers").getString("transfer-encoding"));
        assertEquals(body.length, received.getInteger("bodyLength"));
        assertEquals(StandInServices.sha256(body), received.getString("bodySha256"));
    }

    @Test
    void aPathCannotClimbOutOfItsPrefix() throws Exception {
        // Sent raw: REST Assured would tidy the path up before the gateway ever saw it.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(gateway.resolve("/") + "api/auth/../case-studies/cs-7")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject received = new JsonObject(response.body());
        assertEquals("case-studies", received.getString("service"));
        assertEquals("/api/case-studies/cs-7", received.getString("path"));
    }

    @Test
    void aBodyOverFourMebibytesIsRefusedByTheGateway() {
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        assertProblem(withToken().contentType(ContentType.BINARY).body(body).post("/api/metrics/imports").then(),
                413, "content-too-large")
                .body("instance", equalTo("/api/metrics/imports"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/unknown", "/api/authority", "/api/case-studiesx/1"})
    void pathsNoServiceOwnsAreNotFound(String path) {
        assertProblem(given().get(path).then(), 404, "not-found")
                .body("instance", equalTo(path));
    }

    @Test
    void theGatewayIsReadyWhenItCanVerifyTokensAndShowsTheServicesInAGroupOfTheirOwn() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'access-changes' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'token-keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'token-keys' }.data.keys", greaterThanOrEqualTo(1))
                .body("checks.name", not(hasItem("auth")))
                .body("checks.name", not(hasItem("case-studies")))
                .body("checks.name", not(hasItem("metrics")));
        given().get("/q/health/group/downstream").then()
                .statusCode(200)
                .body("checks.findAll { it.status == 'UP' }.name", containsInAnyOrder("auth", "case-studies", "metrics"))
                .body("checks.find { it.name == 'metrics' }.data.circuit", equalTo("closed"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theGatewaysOwnNearlyEmptyApiDescriptionMovedAside() {
        given().queryParam("format", "json").get("/q/gateway-openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Casebook gateway"));
    }
}
