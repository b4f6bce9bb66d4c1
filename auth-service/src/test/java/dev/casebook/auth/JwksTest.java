package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class JwksTest {

    @Test
    void publishesTheSigningKeyUnderItsThumbprint() {
        String body = given().get("/api/auth/jwks").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", matchesPattern("public, max-age=\\d+"))
                .body("keys.size()", equalTo(1))
                .extract().asString();
        JsonNode key = Auth.json(body).path("keys").path(0);
        JsonNode expected = Auth.json(Auth.fileText("CASEBOOK_JWKS_FILE")).path("keys").path(0);

        assertEquals(expected.path("kid").asText(), key.path("kid").asText());
        assertEquals("RSA", key.path("kty").asText());
        assertEquals("sig", key.path("use").asText());
        assertEquals("RS256", key.path("alg").asText());
        assertEquals(expected.path("n").asText(), key.path("n").asText());
        assertEquals(expected.path("e").asText(), key.path("e").asText());
        // Public parts only.
        for (String privatePart : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
            assertFalse(key.has(privatePart), privatePart);
        }
    }

    @Test
    void isPublicAndIgnoresAnyAuthorizationHeader() {
        given().header("Authorization", "Bearer this.is.garbage").get("/api/auth/jwks").then().statusCode(200);
        given().header("Authorization", "garbage").get("/api/auth/jwks").then().statusCode(200);
        given().header("Authorization", "Bearer \u00ff\u00fe").get("/api/auth/roles").then().statusCode(200);
    }
}
