package dev.casebook.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Users made and logged in through auth-service's API, as any client would (directly or through the gateway). */
public final class Accounts {

    private Accounts() {
    }

    /** What a login hands out. */
    public record Tokens(String accessToken, String refreshToken) {

        public RequestSpecification request() {
            return given().auth().oauth2(accessToken);
        }
    }

    /** One login attempt, whatever it answers. */
    public static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    /** Logs in, waiting up to {@code patience} while the answer is a busy 502/503/504; the login must succeed. */
    public static Tokens loggedIn(String username, String password, Duration patience) {
        var response = untilNotBusy(() -> login(username, password), patience).then().statusCode(200).extract();
        return new Tokens(response.path("accessToken"), response.path("refreshToken"));
    }

    /** One attempt by {@code admin} to make a user, whatever it answers. */
    public static Response createUser(RequestSpecification admin, String username, String password, String... roles) {
        return admin.contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of(roles)))
                .post("/api/auth/users");
    }

    /** A new user with {@code role}, made by {@code admin}, logged in; waits up to {@code patience} while busy. */
    public static Tokens newUser(Tokens admin, String role, Duration patience) {
        String username = uniqueName(role);
        String password = "correct-horse-" + UUID.randomUUID();
        int status = untilNotBusy(() -> createUser(admin.request(), username, password, role), patience).statusCode();
        // 409: an earlier try that the gateway gave up on did create the user (the name is new to this run)
        if (status != 201 && status != 409) {
            throw new AssertionError("creating user " + username + " answered " + status);
        }
        return loggedIn(username, password, patience);
    }

    /** A fresh, unique username, so that tests never share users or throttling counts. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The answer once it is not a 502/503/504 from a gateway, for at most {@code patience}: on a busy machine
     * (such as a shared CI runner) password hashing can take longer than the gateway waits, or a breaker opened
     * by an earlier test can still be open. Only for steps that set a test up.
     */
    public static Response untilNotBusy(Supplier<Response> call, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Response response = call.get();
            int status = response.statusCode();
            if ((status != 502 && status != 503 && status != 504) || Instant.now().isAfter(deadline)) {
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
}
