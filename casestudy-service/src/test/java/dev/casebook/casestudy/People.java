package dev.casebook.casestudy;

import dev.casebook.devstack.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The people of the tests, each with a token signed by the test run's key, as auth-service would sign it. */
final class People {

    static final String ALICE = "11111111-1111-1111-1111-111111111111"; // an author
    static final String BOB = "22222222-2222-2222-2222-222222222222";   // another author
    static final String EVE = "33333333-3333-3333-3333-333333333333";   // an editor
    static final String ADA = "44444444-4444-4444-4444-444444444444";   // an admin
    static final String VIC = "55555555-5555-5555-5555-555555555555";   // a viewer

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
        return given();
    }

    /** A fresh author for a test that needs a clean slate. */
    static RequestSpecification newAuthor() {
        return as(UUID.randomUUID().toString(), "author-" + UUID.randomUUID(), "author");
    }

    static RequestSpecification as(String id, String username, String... roles) {
        return given().auth().oauth2(tokens().forUser(id, username, roles));
    }

    /** Alice with a token signed as hers but for another audience, or none when {@code audience} is null. */
    static RequestSpecification aliceFor(String audience) {
        return given().auth().oauth2(tokens().withAudience(audience).forUser(ALICE, "alice", "author"));
    }
}
