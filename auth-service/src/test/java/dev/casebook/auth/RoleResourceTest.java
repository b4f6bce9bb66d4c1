package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class RoleResourceTest {

    @Test
    void listsTheFourRolesWithWhatEachMayDo() {
        given().get("/api/auth/roles").then()
                .statusCode(200)
                .body("name", contains("admin", "editor", "author", "viewer"))
                .body("find { it.name == 'editor' }.description", notNullValue());
    }
}
