package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** auth is up; nothing listens where case-studies should be; metrics is slow and says it is not ready. */
public class SomeServicesDown implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("casebook.gateway.routes.metrics.timeout", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class,
                Map.of("case-studies", "unreachable", "metrics", "slow")));
    }
}
