package dev.casebook.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Users of a system test, created and logged in through the gateway like any client would. */
final class Accounts {

    private Accounts() {
    }

    record Tokens(String accessToken, String refreshToken) {
        RequestSpecification request() {
            return given().auth().oauth2(accessToken);
        }
    }

    static Tokens login(String username, String password) {
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract();
        return new Tokens(response.path("accessToken"), response.path("refreshToken"));
    }

    static Tokens admin() {
        return login("admin", RunningCasebook.adminPassword());
    }

    /** A new user with {@code role}, made by the admin, logged in. */
    static Tokens newUser(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct-horse-" + UUID.randomUUID();
        admin().request().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", new String[] {role}))
                .post("/api/auth/users").then().statusCode(201);
        return login(username, password);
    }
}
