package dev.casebook.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * What every Casebook service answers alike: it is alive and ready with its checks, serves its OpenAPI
 * document, and answers an unknown path, a wrong method and an Accept it cannot serve with a problem that
 * carries a request id. A service's test extends this (annotated {@code @QuarkusTest} with its test resource)
 * and describes the service in its constructor.
 */
public abstract class ServiceConformance {

    /**
     * What a service answers with: the title of its OpenAPI document (such as {@code Casebook auth-service}), the
     * prefix of its paths ({@code /api/auth}), a path it serves to GET only in one media type, paths its document
     * must describe, the readiness checks it must report and those it must not (such as a broker it does not use).
     */
    public record Service(String apiTitle, String basePath, String readOnlyPath, List<String> documentedPaths,
                          List<String> readinessChecks, List<String> checksItHasNot) {
    }

    private final Service service;

    protected ServiceConformance(Service service) {
        this.service = service;
    }

    @Test
    void isAlive() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void hasAStartupProbeOfItsOwn() {
        given().get("/q/health/started").then()
                .statusCode(200)
                .body("checks.name", hasItem("started"))
                .body("checks.name", not(hasItem("database-schema")));
    }

    @Test
    void isReadyWithItsChecks() {
        var ready = given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(service.readinessChecks().toArray(String[]::new)));
        service.checksItHasNot().forEach(check -> ready.body("checks.name", not(hasItem(check))));
    }

    @Test
    void describesItsApi() {
        var document = given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("info.title", equalTo(service.apiTitle()));
        service.documentedPaths().forEach(path -> document.body("paths", hasKey(path)));
    }

    /**
     * The Prometheus names (as {@code /q/metrics} shows them) this service must expose besides HTTP and JVM meters,
     * such as {@code casebook_outbox_backlog_events}; none by default.
     */
    protected List<String> expectedMeters() {
        return List.of();
    }

    @Test
    void exposesItsMetricsAsPrometheusText() {
        given().get(service.readOnlyPath()).then().statusCode(200);
        PrometheusText metrics = PrometheusText.scrape();
        List<String> expected = new ArrayList<>(List.of("http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "jvm_memory_used_bytes"));
        expected.addAll(expectedMeters());
        assertThat(metrics.names(), hasItems(expected.toArray(String[]::new)));
        // Counted per route template: the path just read is there as itself, and no sample names a raw 404 path.
        assertThat(metrics.samples("http_server_requests_seconds_count").stream().map(s -> s.labels().get("uri")).toList(),
                hasItem(service.readOnlyPath()));
        given().get(service.basePath() + "/nothing-here/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(PrometheusText.scrape().samples("http_server_requests_seconds_count").stream()
                .map(s -> s.labels().get("uri")).toList(), not(hasItem(containsString("nothing-here"))));
        metrics.samples("jvm_memory_used_bytes").forEach(sample ->
                assertThat(sample.labels(), hasKey("service")));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        String unknown = service.basePath() + "/nothing-here/at-all";
        assertProblem(given().get(unknown).then(), 404, "not-found")
                .body("instance", equalTo(unknown));
    }

    @Test
    void answersAWrongMethodWithAProblem() {
        assertProblem(given().delete(service.readOnlyPath()).then(), 405, "method-not-allowed");
    }

    @Test
    void answersAnAcceptItCannotServeWithAProblem() {
        assertProblem(given().accept("application/xml").get(service.readOnlyPath()).then(), 406, "not-acceptable");
    }
}
