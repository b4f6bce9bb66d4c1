package dev.casebook.testing;

import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * The people of a service's tests, each with a token signed by the test run's key as auth-service would sign
 * it, so that the service verifies them like real ones without an auth-service running.
 */
public final class People {

    public static final String ALICE = "11111111-1111-1111-1111-111111111111"; // an author
    public static final String BOB = "22222222-2222-2222-2222-222222222222";   // another author
    public static final String EVE = "33333333-3333-3333-3333-333333333333";   // an editor
    public static final String ADA = "44444444-4444-4444-4444-444444444444";   // an admin
    public static final String VIC = "55555555-5555-5555-5555-555555555555";   // a viewer

    // JSON decimals as doubles (Rest Assured's default is float), so that they compare without float error.
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    // By key file: a test profile that restarts the service with fresh infrastructure also gets fresh keys.
    private static final Map<String, TestTokens> TOKENS = new ConcurrentHashMap<>();

    private People() {
    }

    /** Signs with the key named by the service's settings, as auth-service does. */
    public static TestTokens tokens() {
        String privateKey = Settings.of(SigningKeys.PRIVATE_KEY_FILE);
        return TOKENS.computeIfAbsent(privateKey, key -> TestTokens.from(key, Settings.of(SigningKeys.JWKS_FILE)));
    }

    public static RequestSpecification alice() {
        return as(ALICE, "alice", "author");
    }

    public static RequestSpecification bob() {
        return as(BOB, "bob", "author");
    }

    public static RequestSpecification eve() {
        return as(EVE, "eve", "editor");
    }

    public static RequestSpecification ada() {
        return as(ADA, "ada", "admin");
    }

    public static RequestSpecification vic() {
        return as(VIC, "vic", "viewer");
    }

    public static RequestSpecification anonymous() {
        return given().config(DOUBLES);
    }

    /** A fresh author for a test that needs a clean slate. */
    public static RequestSpecification newAuthor() {
        return as(UUID.randomUUID().toString(), "author-" + UUID.randomUUID(), "author");
    }

    public static RequestSpecification as(String id, String username, String... roles) {
        return anonymous().auth().oauth2(tokens().forUser(id, username, roles));
    }

    /** Alice with a token signed as hers but for another audience, or none when {@code audience} is null. */
    public static RequestSpecification aliceFor(String audience) {
        return given().auth().oauth2(tokens().withAudience(audience).forUser(ALICE, "alice", "author"));
    }
}
