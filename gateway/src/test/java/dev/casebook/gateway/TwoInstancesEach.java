package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Every service runs two instances, echoes both ({@link StandInServices} {@code instances=2}); no rate limit. */
public class TwoInstancesEach implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("casebook.gateway.rate-limit.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of("instances", "2")));
    }
}
