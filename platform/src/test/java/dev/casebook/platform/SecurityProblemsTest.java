package dev.casebook.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SecurityProblemsTest {

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casebook.dev/problems/" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("requestId", notNullValue())
                .body("instance", equalTo("/notes/locked-away"))
                .body(not(containsString("Exception")));
    }

    private static String token(String... groups) throws Exception {
        String privateKey = ConfigProvider.getConfig().getValue("CASEBOOK_JWT_PRIVATE_KEY_FILE", String.class);
        String jwks = Files.readString(Path.of(ConfigProvider.getConfig().getValue("CASEBOOK_JWKS_FILE", String.class)));
        String kid = new ObjectMapper().readTree(jwks).path("keys").path(0).path("kid").asText();
        return Jwt.issuer("https://casebook.dev").audience("casebook").subject("someone").upn("someone").groups(java.util.Set.of(groups))
                .jws().keyId(kid).sign(KeyUtils.decodePrivateKey(Files.readString(Path.of(privateKey))));
    }

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        assertProblem(given().get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aRefusedTokenIsA401ProblemThatSaysTheTokenIsInvalid() {
        assertProblem(given().header("Authorization", "Bearer not.a.token").get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void anotherAuthorizationSchemeIsTreatedAsNoToken() {
        assertProblem(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/notes/locked-away").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aValidTokenWithoutTheRoleIsA403Problem() throws Exception {
        assertProblem(given().auth().oauth2(token("viewer")).get("/notes/locked-away").then(), 403, "forbidden")
                .body("detail", equalTo("Your roles do not allow GET /notes/locked-away"));
    }

    @Test
    void aValidTokenWithTheRoleIsLetThrough() throws Exception {
        given().auth().oauth2(token("admin")).get("/notes/locked-away").then()
                .statusCode(200)
                .body(equalTo("the admin's note"));
    }

    @Test
    void aGarbageAuthorizationHeaderOnAPublicRouteIsIgnored() {
        given().header("Authorization", "Bearer \u0001garbage").get("/notes/conflict").then().statusCode(409);
        given().header("Authorization", "garbage").get("/q/health/live").then().statusCode(200);
    }
}
