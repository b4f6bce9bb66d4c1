package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.ServiceConformance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** auth-service answers health, its API document and wrong requests as every service does. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ConformanceTest extends ServiceConformance {

    ConformanceTest() {
        super(new Service("Casebook auth-service", "/api/auth", "/api/auth/roles", List.of("/api/auth/roles"),
                List.of("database-schema", "access-changes"), List.of("kafka-broker")));
    }

    @Override
    protected List<String> expectedMeters() {
        return List.of("casebook_logins_refused_total", "casebook_outbox_backlog", "casebook_outbox_oldest_age_seconds");
    }
}
