package dev.casebook.metrics;

import dev.casebook.devstack.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/** The people of the tests, each with a token signed by the test run's key, as auth-service would sign it. */
final class People {

    static final String ALICE = "11111111-1111-1111-1111-111111111111"; // an author
    static final String BOB = "22222222-2222-2222-2222-222222222222";   // another author
    static final String EVE = "33333333-3333-3333-3333-333333333333";   // an editor
    static final String ADA = "44444444-4444-4444-4444-444444444444";   // an admin
    static final String VIC = "55555555-5555-5555-5555-555555555555";   // a viewer

    // JSON decimals as doubles (Rest Assured's default is float), so that Near compares them without float error.
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static TestTokens tokens;

    private People() {
    }

    private static synchronized TestTokens tokens() {
        if (tokens == null) {
            var config = ConfigProvider.getConfig();
            tokens = TestTokens.from(config.getValue("CASEBOOK_JWT_PRIVATE_KEY_FILE", String.class),
                    config.getValue("CASEBOOK_JWKS_FILE", String.class));
        }
        return tokens;
    }

    static RequestSpecification alice() {
        return as(ALICE, "alice", "author");
    }

    static RequestSpecification bob() {
        return as(BOB, "bob", "author");
    }

    static RequestSpecification eve() {
        return as(EVE, "eve", "editor");
    }

    static RequestSpecification ada() {
        return as(ADA, "ada", "admin");
    }

    static RequestSpecification vic() {
        return as(VIC, "vic", "viewer");
    }

    static RequestSpecification anonymous() {
        return given().config(DOUBLES);
    }

    static RequestSpecification as(String id, String username, String... roles) {
        return given().config(DOUBLES).auth().oauth2(tokens().forUser(id, username, roles));
    }
}
