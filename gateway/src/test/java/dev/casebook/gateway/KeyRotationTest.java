package dev.casebook.gateway;

import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When auth-service starts signing with a new key, it publishes the key in its JWK set first; the gateway
 * fetches the set again when a token names a key it does not know yet (at most once a minute, so this
 * profile's other tests never send such a token).
 */
@QuarkusTest
@TestProfile(SteeredServices.class)
class KeyRotationTest {

    @Test
    void aNewKeyIsPickedUpAtTheFirstTokenSignedWithIt(@TempDir Path directory) throws IOException {
        given().header("Authorization", AccessTokens.bearer(AccessTokens.valid())).get("/api/auth/me").then().statusCode(200);
        int fetches = StandIns.jwksFetches();

        SigningKeys next = SigningKeys.inDirectory(directory);
        JsonObject nextKey = new JsonObject(Files.readString(next.jwks())).getJsonArray("keys").getJsonObject(0);
        StandIns.publishKey(nextKey.encode());
        String token = TestTokens.from(next.privateKey().toString(), next.jwks().toString())
                .forUser("44444444-4444-4444-4444-444444444444", "grace", "editor");

        given().header("Authorization", AccessTokens.bearer(token)).get("/api/auth/me").then()
                .statusCode(200)
                .body("headers.authorization", equalTo(AccessTokens.bearer(token)));
        assertEquals(fetches + 1, StandIns.jwksFetches(), "key set fetches");
        // Tokens of the previous key stay good while they last.
        given().header("Authorization", AccessTokens.bearer(AccessTokens.valid())).get("/api/auth/me").then().statusCode(200);
    }
}
