package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class TemplateResourceTest {

    @Test
    void servesTheSharedTemplateAsMarkdown() throws Exception {
        String shared = Files.readString(Path.of("src/main/resources/templates/case-study-template.md"));
        given().get("/api/case-studies/template").then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(equalTo(shared))
                .body(startsWith("# Case Study: [Project Name]"));
    }
}
