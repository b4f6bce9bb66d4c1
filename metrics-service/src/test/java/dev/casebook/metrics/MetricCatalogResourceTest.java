package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

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
}
