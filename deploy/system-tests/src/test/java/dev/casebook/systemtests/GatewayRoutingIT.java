package dev.casebook.systemtests;

import dev.casebook.testing.Accounts;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every public route reaches the service that owns it, through the gateway only. */
@ExtendWith(RunningCasebook.class)
class GatewayRoutingIT {

    @Test
    void authRoutesReachTheAuthService() {
        given().get("/api/auth/roles").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", contains("admin", "editor", "author", "viewer"));
    }

    @Test
    void caseStudyRoutesReachTheCaseStudyService() {
        given().get("/api/case-studies/template").then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(startsWith("# Case Study: [Project Name]"));
    }

    @Test
    void metricsRoutesReachTheMetricsService() {
        given().get("/api/metrics/catalog").then()
                .statusCode(200)
                .body("name", contains("Response Time", "Throughput", "Error Rate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/unknown", "/api/case-studies/unknown/child", "/api/metrics/unknown"})
    void anUnknownPathUnderARouteIsAnsweredByItsServiceAsAProblem(String path) {
        RunningCasebook.admin().request().header("X-Request-Id", "system-test-0001").get(path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "system-test-0001")
                // the service saw the id the client sent: it is in the body the service wrote
                .body("requestId", equalTo("system-test-0001"))
                .body("instance", equalTo(path));
    }

    @Test
    void aProtectedRouteWithoutATokenIsRefusedAtTheGateway() {
        assertProblem(given().get("/api/auth/users").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aPagedListLinksToThePublicUrlWhateverHostTheClientNamed() {
        // The gateway tells the services where clients reach Casebook; a client's Host or X-Forwarded-* is not that.
        String publicUrl = RunningCasebook.services().publicUrl();
        Accounts.Tokens admin = RunningCasebook.admin();
        for (String path : List.of("/api/auth/users", "/api/case-studies")) {
            admin.request().header("Host", "evil.example")
                    .header("X-Forwarded-Host", "evil.example")
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Port", "8443")
                    .queryParam("size", 1)
                    .get(path).then()
                    .statusCode(200)
                    .header("Link", startsWith("<" + publicUrl + path + "?"))
                    .header("Link", containsString("rel=\"first\""))
                    .header("Link", not(containsString("evil")))
                    .header("Link", not(containsString("8443")));
        }
    }

    @Test
    void theGatewayIsReadyAndSeesEveryServiceReady() {
        RunningCasebook.ownStackOnly("the gateway's health, which a deployed Casebook's ingress keeps inside its cluster");
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'token-keys' }.status", equalTo("UP"));
        given().get("/q/health/group/downstream").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theGatewayServesItsApiDescriptionAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void everyServiceIsLiveAndReadyOnItsOwnPort() {
        for (var service : dev.casebook.devstack.CasebookServices.Service.values()) {
            given().baseUri(RunningCasebook.services().get(service).url()).get("/q/health").then()
                    .statusCode(200)
                    .body("checks.status", hasItems("UP"));
        }
    }
}
