package dev.casebook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What the auth-service tests share: logging in, making users, reading tokens and the test keys. */
final class Auth {

    static final String PASSWORD = "a-long-enough-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Auth() {
    }

    static String adminPassword() {
        return ConfigProvider.getConfig().getValue("casebook.auth.first-admin.password", String.class);
    }

    static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    static JsonNode tokens(String username, String password) {
        return json(login(username, password).then().statusCode(200).extract().asString());
    }

    static String accessToken(String username, String password) {
        return tokens(username, password).path("accessToken").asText();
    }

    static String adminToken() {
        return accessToken("admin", adminPassword());
    }

    /** A fresh, unique username, so that tests never share users or throttling counts. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user through the API as the first admin; returns the new user's id. */
    static String createUser(String username, String... roles) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .post("/api/auth/users")
                .then().statusCode(201)
                .extract().path("id");
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casebook.dev/problems/" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
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

    static String configured(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    static String fileText(String configName) {
        try {
            return Files.readString(Path.of(configured(configName)));
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
