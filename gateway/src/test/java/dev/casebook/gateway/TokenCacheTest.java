package dev.casebook.gateway;

import dev.casebook.testing.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's cache of verified tokens, seen from outside: a token verified once is let through again without its
 * signature being checked (a hit), and what must be refused still is. Revocation of a cached token: RevokedTokenTest.
 */
@QuarkusTest
@TestProfile(SmallTokenCache.class)
class TokenCacheTest {

    private static final String PROTECTED = "/api/case-studies/cs-42/revisions";
    private static final String CACHE = "casebook_gateway_token_cache_total";
    private static final String SIZE = "casebook_gateway_token_cache_size";

    @Test
    void aTokenVerifiedOnceIsLetThroughAgainFromTheCache() {
        String token = AccessTokens.validFor(UUID.randomUUID().toString());
        Lookups before = Lookups.now();

        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200)
                .body("headers.authorization", equalTo(AccessTokens.bearer(token)));
        given().auth().oauth2(token).get("/api/metrics/views").then().statusCode(200);

        assertEquals(new Lookups(before.hits() + 2, before.misses() + 1), Lookups.now());
    }

    @Test
    void aTamperedTokenHasAnotherHashAndIsVerifiedAfreshAndRefused() {
        String token = AccessTokens.validFor(UUID.randomUUID().toString());
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"viewer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Lookups before = Lookups.now();

        assertProblem(given().auth().oauth2(promoted).get(PROTECTED).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertEquals(new Lookups(before.hits(), before.misses() + 1), Lookups.now());
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        // First a warm gateway (key set fetched, code compiled), so that the token below is cached before it expires.
        given().auth().oauth2(AccessTokens.valid()).get(PROTECTED).then().statusCode(200);
        Instant now = Instant.now();
        Instant expiry = Instant.ofEpochSecond(now.getEpochSecond() + 3);
        String token = AccessTokens.issued().sign(UUID.randomUUID().toString(), "brief", List.of("viewer"), now, expiry);
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        Lookups before = Lookups.now();
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        assertEquals(before.hits() + 1, Lookups.now().hits(), "the second request was answered from the cache");

        // The signature check compares whole seconds, with the profile's 1 s of clock skew.
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 2_100);

        Lookups beforeExpiry = Lookups.now();
        assertProblem(given().auth().oauth2(token).get(PROTECTED).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertEquals(new Lookups(beforeExpiry.hits(), beforeExpiry.misses() + 1), Lookups.now(), "verified afresh");
    }

    @Test
    void neverMoreTokensAreKeptThanTheBound() {
        for (int i = 0; i < SmallTokenCache.MAX_SIZE * 3; i++) {
            given().auth().oauth2(AccessTokens.validFor(UUID.randomUUID().toString())).get(PROTECTED).then().statusCode(200);
            double size = PrometheusText.scrape().value(SIZE);
            assertTrue(size <= SmallTokenCache.MAX_SIZE, "kept " + size + " after " + (i + 1) + " tokens");
        }
        assertEquals(SmallTokenCache.MAX_SIZE, PrometheusText.scrape().value(SIZE));
    }

    /** The cache's counters, as /q/metrics shows them. */
    private record Lookups(double hits, double misses) {

        static Lookups now() {
            PrometheusText metrics = PrometheusText.scrape();
            return new Lookups(metrics.value(CACHE, "outcome", "hit"), metrics.value(CACHE, "outcome", "miss"));
        }
    }
}
