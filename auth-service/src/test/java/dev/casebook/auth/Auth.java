package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Settings;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;

import static io.restassured.RestAssured.given;

/** What the auth-service tests share beyond test-support: the first admin, its tokens, and the test keys. */
final class Auth {

    static final String PASSWORD = "a-long-enough-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Auth() {
    }

    static String adminPassword() {
        return Settings.of("casebook.auth.first-admin.password");
    }

    static JsonNode tokens(String username, String password) {
        return json(Accounts.login(username, password).then().statusCode(200).extract().asString());
    }

    static String accessToken(String username, String password) {
        return tokens(username, password).path("accessToken").asText();
    }

    static String adminToken() {
        return accessToken("admin", adminPassword());
    }

    /** Creates a user through the API as the first admin; returns the new user's id. */
    static String createUser(String username, String... roles) {
        return Accounts.createUser(given().auth().oauth2(adminToken()), username, PASSWORD, roles)
                .then().statusCode(201)
                .extract().path("id");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Part 0 (header) or 1 (claims) of a compact JWS, decoded. */
    static JsonNode jwtPart(String jwt, int part) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    static String fileText(String configName) {
        try {
            return Files.readString(Path.of(Settings.of(configName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kid the test resource gave the signing key in CASEBOOK_JWKS_FILE. */
    static String jwksFileKid() {
        return json(fileText("CASEBOOK_JWKS_FILE")).path("keys").path(0).path("kid").asText();
    }

    static PrivateKey signingKey() {
        try {
            return KeyUtils.decodePrivateKey(fileText("CASEBOOK_JWT_PRIVATE_KEY_FILE"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
