package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Every service behind the gateway is a ready stand-in that echoes what it receives. The rate limit is
 * far above what these tests send, so that it never decides their outcome (RateLimitTest has its own).
 */
public class AllServicesUp implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "casebook.gateway.rate-limit.capacity", "100000",
                "casebook.gateway.rate-limit.refill-per-second", "100000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of()));
    }
}
