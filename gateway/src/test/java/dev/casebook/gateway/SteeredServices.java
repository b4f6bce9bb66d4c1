package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Every service starts up, and tests take them down, make them hang and bring them back ({@link StandIns}),
 * or have auth publish a new signing key. The circuit breaker trips after 3 failures and stays open
 * for 1.5 s; metrics times out after 1 s.
 */
public class SteeredServices implements QuarkusTestProfile {

    static final int FAILURES = 3;
    static final long OPEN_MILLIS = 1500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "casebook.gateway.circuit-breaker.failures", Integer.toString(FAILURES),
                "casebook.gateway.circuit-breaker.open-for", OPEN_MILLIS + "ms",
                "casebook.gateway.routes.metrics.timeout", "1s",
                "casebook.gateway.rate-limit.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of()));
    }
}
