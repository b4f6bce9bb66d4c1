package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.ServiceConformance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** auth-service answers health, its API document and wrong requests as every service does; it needs no broker. */
@QuarkusTest
@QuarkusTestResource(value = CasebookInfrastructure.class, initArgs = @ResourceArg(name = "kafka", value = "false"))
class ConformanceTest extends ServiceConformance {

    ConformanceTest() {
        super(new Service("Casebook auth-service", "/api/auth", "/api/auth/roles", List.of("/api/auth/roles"),
                List.of("database-schema"), List.of("kafka-broker")));
    }
}
