package dev.casebook.gateway;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What every problem the gateway writes itself must look like. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://casebook.dev/problems/" + type))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
