package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.ServiceConformance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** metrics-service answers health, its API document and wrong requests as every service does. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ConformanceTest extends ServiceConformance {

    ConformanceTest() {
        super(new Service("Casebook metrics-service", "/api/metrics", "/api/metrics/catalog", List.of(
                "/api/metrics/catalog",
                "/api/metrics/case-studies/{caseStudyId}",
                "/api/metrics/case-studies/{caseStudyId}/derive",
                "/api/metrics/case-studies/{caseStudyId}/samples",
                "/api/metrics/case-studies/{caseStudyId}/samples/summary",
                "/api/metrics/analytics/summary",
                "/api/metrics/analytics/by-industry",
                "/api/metrics/analytics/by-technology",
                "/api/metrics/analytics/top"), List.of("database-schema", "access-changes"), List.of("kafka-broker")));
    }

    @Override
    protected List<String> expectedMeters() {
        return List.of("casebook_outbox_backlog", "casebook_outbox_oldest_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "agroal_active_count",
                "casebook_events_consumed_total", "casebook_events_dead_lettered_total");
    }
}
