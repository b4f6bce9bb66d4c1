package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static dev.casebook.gateway.WholeSeconds.wholeSeconds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each caller has a bucket of {@value TinyBuckets#CAPACITY} requests here, refilled by one every 5 s. Each
 * test calls as its own user, so that the tests do not share buckets; anonymous callers share their address's.
 */
@QuarkusTest
@TestProfile(TinyBuckets.class)
class RateLimitTest {

    @Test
    void aCallerMayUseItsBucketAndThenIsToldToWait() {
        String authorization = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));
        for (int remaining = TinyBuckets.CAPACITY - 1; remaining >= 0; remaining--) {
            given().header("Authorization", authorization).get("/api/metrics/views").then()
                    .statusCode(200)
                    .header("RateLimit-Limit", Integer.toString(TinyBuckets.CAPACITY))
                    .header("RateLimit-Remaining", Integer.toString(remaining))
                    .header("RateLimit-Reset", wholeSeconds(allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(15))));
        }
        int before = StandIns.requestsTo("metrics");
        assertProblem(given().header("Authorization", authorization).get("/api/metrics/views").then(), 429, "too-many-requests")
                .header("Retry-After", wholeSeconds(allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(5))))
                .header("RateLimit-Limit", Integer.toString(TinyBuckets.CAPACITY))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", wholeSeconds(allOf(greaterThanOrEqualTo(10), lessThanOrEqualTo(15))));
        assertEquals(before, StandIns.requestsTo("metrics"), "requests that reached the service after the bucket ran dry");
    }

    @Test
    void eachUserHasABucketOfItsOwn() {
        String first = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));
        String second = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));
        for (int i = 0; i < TinyBuckets.CAPACITY; i++) {
            given().header("Authorization", first).get("/api/case-studies/cs-1/revisions").then().statusCode(200);
        }
        given().header("Authorization", first).get("/api/case-studies/cs-1/revisions").then().statusCode(429);
        given().header("Authorization", second).get("/api/case-studies/cs-1/revisions").then()
                .statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(TinyBuckets.CAPACITY - 1));
    }

    @Test
    void anonymousCallersAreCountedByAddressAndSoAreRefusedTokens() {
        // Everything below comes from 127.0.0.1 without a good token: one bucket, whatever was sent.
        Response first = given().get("/api/case-studies");
        int remaining = Integer.parseInt(first.header("RateLimit-Remaining"));
        for (int i = 0; i < remaining; i++) {
            given().header("Authorization", AccessTokens.bearer("guess-" + i)).get("/api/case-studies").then().statusCode(401);
        }
        assertProblem(given().get("/api/case-studies").then(), 429, "too-many-requests");
        assertProblem(given().header("Authorization", AccessTokens.bearer("one-more-guess")).get("/api/case-studies").then(),
                429, "too-many-requests");
    }
}
