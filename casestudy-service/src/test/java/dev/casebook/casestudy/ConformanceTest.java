package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.ServiceConformance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** casestudy-service answers health, its API document and wrong requests as every service does. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ConformanceTest extends ServiceConformance {

    ConformanceTest() {
        super(new Service("Casebook casestudy-service", "/api/case-studies", "/api/case-studies/template",
                List.of("/api/case-studies/template"), List.of("database-schema", "access-changes"), List.of("kafka-broker")));
    }

    @Override
    protected List<String> expectedMeters() {
        return List.of("casebook_publishes_total", "casebook_imports_total", "casebook_outbox_backlog",
                "casebook_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "casebook_events_consumed_total", "casebook_events_dead_lettered_total");
    }
}
