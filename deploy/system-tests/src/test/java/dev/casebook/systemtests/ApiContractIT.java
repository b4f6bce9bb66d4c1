package dev.casebook.systemtests;

import dev.casebook.testing.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API contract as frontend teams meet it: the gateway's merged OpenAPI document passes Redocly's recommended
 * rules, and a TypeScript client generated from it (openapi-typescript, openapi-fetch) compiles with
 * {@code tsc --strict} without a hand-written type and runs a short story against this stack.
 */
@ExtendWith(RunningCasebook.class)
class ApiContractIT {

    @BeforeAll
    static void tools() throws Exception {
        NodeTools.install();
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(NodeTools.WORK.resolve("openapi.json"), document);
    }

    @Test
    void theMergedDocumentPassesRedoclysRecommendedRules() throws Exception {
        Commands.Run lint = NodeTools.tool(Map.of(), "redocly", "lint", "openapi.json", "--config=redocly.yaml", "--format=json");
        assertThat(lint.output(), lint.exitCode(), equalTo(0));
        // Redocly prints a banner about Node.js versions before its JSON on some machines
        JsonNode report = new ObjectMapper().readTree(lint.output().substring(lint.output().indexOf("{\n")));
        assertThat(lint.output(), report.path("totals").path("errors").asInt(-1), equalTo(0));
        assertThat(lint.output(), report.path("totals").path("warnings").asInt(-1), equalTo(0));
    }

    @Test
    void aStrictTypeScriptClientGeneratedFromItCompilesAndRuns() throws Exception {
        Commands.Run generate = NodeTools.tool(Map.of(), "openapi-typescript", "openapi.json", "-o", "api.d.ts");
        assertThat(generate.output(), generate.exitCode(), equalTo(0));
        Commands.Run compile = NodeTools.tool(Map.of(), "tsc", "-p", "tsconfig.json");
        assertThat(compile.output(), compile.exitCode(), equalTo(0));

        Commands.Run story = NodeTools.run(Map.of("CASEBOOK_URL", io.restassured.RestAssured.baseURI,
                "CASEBOOK_USERNAME", RunningCasebook.adminUsername(), "CASEBOOK_PASSWORD", RunningCasebook.adminPassword()), 120, "node", "dist/example.js");
        assertThat(story.output(), story.exitCode(), equalTo(0));
        assertThat(story.output(), containsString("edited to version 1"));
        assertThat(story.output(), containsString("stale edit: 412 Precondition Failed"));
    }
}
