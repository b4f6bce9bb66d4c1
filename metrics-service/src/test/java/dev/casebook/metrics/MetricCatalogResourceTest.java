package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MetricCatalogResourceTest {

    @Test
    void listsTheTemplatesMetricsWithUnitAndDirection() {
        given().get("/api/metrics/catalog").then()
                .statusCode(200)
                .body("name", contains("Response Time", "Throughput", "Error Rate"))
                .body("unit", contains("ms", "req/s", "%"))
                .body("better", contains("LOWER", "HIGHER", "LOWER"));
    }

    @Test
    void refusesAWrongMethodWithAProblem() {
        given().delete("/api/metrics/catalog").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void isReadyWhenItsSchemaAndTheBrokerAreUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database-schema", "kafka-broker"));
    }

    @Test
    void describesItsApi() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("info.title", equalTo("Casebook metrics-service"))
                .body("paths", hasKey("/api/metrics/catalog"))
                .body("paths", hasKey("/api/metrics/case-studies/{caseStudyId}"))
                .body("paths", hasKey("/api/metrics/case-studies/{caseStudyId}/derive"))
                .body("paths", hasKey("/api/metrics/case-studies/{caseStudyId}/samples"))
                .body("paths", hasKey("/api/metrics/case-studies/{caseStudyId}/samples/summary"))
                .body("paths", hasKey("/api/metrics/analytics/summary"))
                .body("paths", hasKey("/api/metrics/analytics/by-industry"))
                .body("paths", hasKey("/api/metrics/analytics/by-technology"))
                .body("paths", hasKey("/api/metrics/analytics/top"));
    }
}
