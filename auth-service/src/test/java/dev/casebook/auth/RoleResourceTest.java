package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = CasebookInfrastructure.class, initArgs = @ResourceArg(name = "kafka", value = "false"))
class RoleResourceTest {

    @Test
    void listsTheFourRolesWithWhatEachMayDo() {
        given().get("/api/auth/roles").then()
                .statusCode(200)
                .body("name", contains("admin", "editor", "author", "viewer"))
                .body("find { it.name == 'editor' }.description", notNullValue());
    }

    @Test
    void isReadyOnceItsSchemaIsMigrated() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database-schema"))
                .body("checks.name", not(hasItem("kafka-broker")));
    }

    @Test
    void describesItsApi() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("info.title", equalTo("Casebook auth-service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/auth/roles"));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().get("/api/auth/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/auth/nothing-here"));
    }
}
