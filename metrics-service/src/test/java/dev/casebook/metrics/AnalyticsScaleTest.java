package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.metrics.domain.Analytics;
import dev.casebook.metrics.domain.MetricRow;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

/**
 * Analytics stay fast with 10,000 published case studies, each with four metrics and five technologies. The
 * projection is filled straight in SQL: this is about the queries, not about the events that would fill it.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class AnalyticsScaleTest {

    private static final int CASE_STUDIES = 10_000;
    private static final Duration FAST = Duration.ofSeconds(2);

    private String u;

    @BeforeEach
    void tenThousandPublishedCaseStudies() {
        u = UUID.randomUUID().toString().substring(0, 8);
        Database.execute("""
                INSERT INTO case_study (id, slug, title, status, author_id, industry, published, version)
                SELECT gen_random_uuid(), 'scale-' || ? || '-' || n, 'Scale ' || n, 'PUBLISHED', 'someone',
                       'Scale industry ' || (n % 25), true, 3
                FROM generate_series(1, ?) n""", u, CASE_STUDIES);
        Database.execute("""
                INSERT INTO case_study_technology (case_study_id, layer, name)
                SELECT c.id, 'backend', 'Scale tech ' || ((hashtext(c.slug) & 1023) + k) % 300
                FROM case_study c, generate_series(0, 4) k WHERE c.slug LIKE 'scale-' || ? || '-%'""", u);
        Database.execute("INSERT INTO metrics_table (case_study_id, updated_at) SELECT id, now() FROM case_study WHERE slug LIKE 'scale-' || ? || '-%'", u);
        Database.execute("""
                INSERT INTO metric_row (case_study_id, position, name, name_key, unit, before_value, after_value, better, improvement_percent)
                SELECT c.id, m.position, m.name, lower(m.name), 'ms', v.before, v.after, 'LOWER', (v.before - v.after) * 100 / v.before
                FROM case_study c
                CROSS JOIN (VALUES (0, 'Scale Response Time ' || ?), (1, 'Scale Throughput ' || ?), (2, 'Scale Error Rate ' || ?),
                                   (3, 'Scale Latency ' || ?)) AS m(position, name)
                CROSS JOIN LATERAL (SELECT (100 + (hashtext(c.slug || m.name) & 1023))::numeric AS before,
                                           (1 + (hashtext(m.name || c.slug) & 511))::numeric AS after) v
                WHERE c.slug LIKE 'scale-' || ? || '-%'""", u, u, u, u, u);
        // Analytics count the published numbers: the tables as they were at the last publish.
        Database.execute("INSERT INTO published_metrics_table SELECT * FROM metrics_table WHERE case_study_id IN "
                + "(SELECT id FROM case_study WHERE slug LIKE 'scale-' || ? || '-%')", u);
        Database.execute("INSERT INTO published_metric_row SELECT * FROM metric_row WHERE case_study_id IN "
                + "(SELECT id FROM case_study WHERE slug LIKE 'scale-' || ? || '-%')", u);
        Database.execute("ANALYZE case_study");
        Database.execute("ANALYZE case_study_technology");
        Database.execute("ANALYZE published_metric_row");
    }

    @AfterEach
    void removeThem() {
        Database.execute("DELETE FROM case_study WHERE slug LIKE 'scale-' || ? || '-%'", u);
    }

    private static Duration timed(Runnable call) {
        call.run(); // once to warm up
        Instant start = Instant.now();
        call.run();
        return Duration.between(start, Instant.now());
    }

    @Test
    void everyAnalyticsQueryAnswersQuickly() {
        String latency = "Scale Latency " + u;
        Duration summary = timed(() -> People.anonymous().get("/api/metrics/analytics/summary").then().statusCode(200)
                .body("find { it.name == '" + latency + "' }.caseStudies", equalTo(CASE_STUDIES)));
        Duration byIndustry = timed(() -> People.anonymous().get("/api/metrics/analytics/by-industry").then().statusCode(200));
        Duration byTechnology = timed(() -> People.anonymous().get("/api/metrics/analytics/by-technology").then().statusCode(200));
        Duration byTechnologyOfOne = timed(() -> People.anonymous().queryParam("metric", latency)
                .get("/api/metrics/analytics/by-technology").then().statusCode(200).body("", hasSize(300)));
        Duration top = timed(() -> People.anonymous().queryParam("metric", latency).queryParam("limit", 100)
                .get("/api/metrics/analytics/top").then().statusCode(200).body("", hasSize(100)));

        System.out.printf("Analytics over %d published case studies: summary %d ms, by-industry %d ms, by-technology %d ms "
                        + "(one metric %d ms), top %d ms%n", CASE_STUDIES, summary.toMillis(), byIndustry.toMillis(),
                byTechnology.toMillis(), byTechnologyOfOne.toMillis(), top.toMillis());
        for (Duration duration : List.of(summary, byIndustry, byTechnology, byTechnologyOfOne, top)) {
            assertThat(duration, lessThan(FAST));
        }
    }

    @Test
    void theTopOfAMetricWalksAnIndex() {
        // The statement Analytics.top sends, with the parameters it binds: the metric's key and a limit.
        String plan = String.join("\n", Database.strings("EXPLAIN " + Analytics.TOP,
                MetricRow.keyOf("Scale Latency " + u), 10));
        assertThat(plan, containsString("published_metric_row_top"));
    }
}
