package dev.casebook.gateway;

import dev.casebook.testing.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the gateway shows on /q/metrics: Prometheus text, requests per route and not per path, refusals, breakers. */
@QuarkusTest
@TestProfile(TinyBuckets.class)
class MetricsTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void requestsAreCountedPerRouteWithoutIdsInTheirLabels() {
        String authorization = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));
        String id = UUID.randomUUID().toString();
        given().header("Authorization", authorization).get("/api/case-studies/" + id + "/revisions").then().statusCode(200);
        given().get("/api/nothing-here/" + id).then().statusCode(404);

        PrometheusText metrics = PrometheusText.scrape();
        assertThat(metrics.names(), hasItems(REQUESTS, "http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
                "casebook_gateway_circuit_state"));
        List<String> uris = metrics.samples(REQUESTS).stream().map(sample -> sample.labels().get("uri")).toList();
        assertThat(uris, everyItem(not(containsString(id))));
        assertThat("the case-studies route counted the request", metrics.value(REQUESTS, "uri", "/api/case-studies/*",
                "status", "200") >= 1, org.hamcrest.Matchers.is(true));
        for (String route : List.of("auth", "case-studies", "metrics")) {
            assertEquals(1, metrics.value("casebook_gateway_circuit_state", "route", route, "state", "closed"), route);
        }
    }

    @Test
    void aRefusalForAnEmptyBucketIsCountedForItsRoute() {
        String authorization = AccessTokens.bearer(AccessTokens.validFor(UUID.randomUUID().toString()));
        double before = PrometheusText.scrape().value("casebook_gateway_rate_limited_total", "route", "metrics");
        for (int i = 0; i < TinyBuckets.CAPACITY; i++) {
            given().header("Authorization", authorization).get("/api/metrics/views").then().statusCode(200);
        }
        given().header("Authorization", authorization).get("/api/metrics/views").then().statusCode(429);
        assertEquals(before + 1, PrometheusText.scrape().value("casebook_gateway_rate_limited_total", "route", "metrics"));
    }
}
