package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Every service is up; each caller may make 3 requests, and gets one more every 5 seconds. */
public class TinyBuckets implements QuarkusTestProfile {

    static final int CAPACITY = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "casebook.gateway.rate-limit.capacity", Integer.toString(CAPACITY),
                "casebook.gateway.rate-limit.refill-per-second", "0.2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of()));
    }
}
