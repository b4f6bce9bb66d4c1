package dev.casebook.testing;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What every problem a Casebook service or its gateway answers must look like (RFC 9457, with a request id). */
public final class Problems {

    public static final String TYPES = "https://casebook.dev/problems/";

    private Problems() {
    }

    /** A problem of {@code status} and the type {@code type} (such as {@code not-found}). */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return assertProblem(response, status).body("type", equalTo(TYPES + type));
    }

    /** A problem of {@code status}, of whichever Casebook type; nothing of the server's insides shows. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", matchesPattern("https://casebook\\.dev/problems/[a-z-]+"))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
