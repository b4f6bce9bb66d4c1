package dev.casebook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway serves one API description for all services, under the paths clients call, and Swagger UI
 * shows it, so that a frontend developer can log in and try calls.
 */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class ApiDocumentTest {

    private static ValidatableResponse merged() {
        return given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .contentType(containsString("application/json"));
    }

    @Test
    void itHasThePathsOfEveryService() {
        merged()
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Casebook API"))
                .body("info.'x-casebook-left-out'", nullValue())
                .body("paths.keySet()", hasItems(
                        "/api/auth/login", "/api/auth/me", "/api/auth/jwks",
                        "/api/case-studies", "/api/case-studies/{idOrSlug}", "/api/case-studies/{id}/revisions",
                        "/api/metrics/catalog", "/api/metrics/analytics/{caseStudyId}", "/api/metrics/samples"))
                .body("paths", not(hasKey("/q/not-through-the-gateway")))
                .body("tags.name", hasItems("Sessions", "Keys", "Case studies", "Metrics"))
                .body("tags.find { it.name == 'Sessions' }.description", equalTo("Log in and out"));
    }

    @Test
    void itOffersABearerTokenSchemeInPlaceOfTheServicesOwn() {
        merged()
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.securitySchemes", not(hasKey("SecurityScheme")));
    }

    @Test
    void eachOperationSaysWhetherItNeedsAToken() {
        merged()
                // needed
                .body("paths.'/api/auth/me'.get.security", equalTo(List.of(Map.of("bearer", List.of()))))
                .body("paths.'/api/case-studies'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/case-studies/{id}/revisions'.get.security[0]", hasKey("bearer"))
                .body("paths.'/api/metrics/samples'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/auth/me'.get.responses.'401'.description", containsString("POST /api/auth/login"))
                // public reads carry no requirement (a token, when sent, must be valid)
                .body("paths.'/api/case-studies'.get.security", equalTo(List.of()))
                .body("paths.'/api/case-studies'.get.description", containsString("Public: no token is needed"))
                .body("paths.'/api/case-studies'.get.responses.'401'.description", containsString("a token that is sent must be valid"))
                .body("paths.'/api/case-studies/{idOrSlug}'.get.security", equalTo(List.of()))
                .body("paths.'/api/metrics/catalog'.get.security", equalTo(List.of()))
                .body("paths.'/api/metrics/analytics/{caseStudyId}'.get.security", equalTo(List.of()))
                .body("paths.'/api/auth/jwks'.get.security", equalTo(List.of()))
                // not looked at
                .body("paths.'/api/auth/login'.post.security", equalTo(List.of()));
    }

    @Test
    void everyOperationDescribesTheGatewaysOwnErrorsAsProblems() {
        merged()
                .body("paths.'/api/auth/me'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/case-studies'.post.responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/auth/login'.post.responses.'504'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/auth/me'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas", hasKey("Problem"));
    }

    @Test
    void componentsSharedAlikeAreKeptOnceAndClashingOnesAreRenamed() {
        merged()
                .body("components.schemas.keySet()", hasItems("Problem", "Credentials", "CaseStudy", "Page", "metrics_Page"))
                .body("components.schemas.Page.properties", hasKey("items"))
                .body("components.schemas.metrics_Page.properties", hasKey("samples"))
                .body("paths.'/api/metrics/samples'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/metrics_Page"))
                .body("paths.'/api/case-studies'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Page"));
    }

    @Test
    void itIsYamlByDefaultAndJsonWhenAskedThroughAccept() throws Exception {
        String yaml = given().get("/q/openapi").then()
                .statusCode(200)
                .contentType(containsString("yaml"))
                .extract().asString();
        String json = given().header("Accept", "application/json").get("/q/openapi").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .extract().asString();
        JsonNode fromYaml = new YAMLMapper().readTree(yaml);
        JsonNode fromJson = new ObjectMapper().readTree(json);
        assertEquals(fromJson, fromYaml, "the YAML and JSON documents");
        assertEquals("Casebook API", fromYaml.path("info").path("title").asText());
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then()
                .statusCode(200)
                .body(containsString("/q/openapi?format=json"));
    }

    @Test
    void itIsServedWithoutAToken() {
        given().get("/q/openapi").then().statusCode(200).body(notNullValue());
    }
}
