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
        var response = untilNotBusy(() -> given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")).then().statusCode(200).extract();
        return new Tokens(response.path("accessToken"), response.path("refreshToken"));
    }

    /**
     * The answer once it is not a 502/503/504 from the gateway, for at most a minute: on a busy machine (such
     * as a shared CI runner) auth-service's password hashing can take longer than the gateway waits, or a
     * breaker opened by an earlier test can still be open. Only for steps that set a test up.
     */
    static io.restassured.response.Response untilNotBusy(java.util.function.Supplier<io.restassured.response.Response> call) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            io.restassured.response.Response response = call.get();
            int status = response.statusCode();
            if ((status != 502 && status != 503 && status != 504) || java.time.Instant.now().isAfter(deadline)) {
                return response;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    static Tokens admin() {
        return login("admin", RunningCasebook.adminPassword());
    }

    /** A new user with {@code role}, made by the admin, logged in. */
    static Tokens newUser(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct-horse-" + UUID.randomUUID();
        Tokens admin = admin();
        int status = untilNotBusy(() -> admin.request().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", new String[] {role}))
                .post("/api/auth/users")).statusCode();
        // 409: an earlier try that the gateway gave up on did create the user (the name is new to this run)
        if (status != 201 && status != 409) {
            throw new AssertionError("creating user " + username + " answered " + status);
        }
        return login(username, password);
    }
}
