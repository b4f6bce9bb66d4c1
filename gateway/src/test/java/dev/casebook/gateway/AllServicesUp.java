package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Every service behind the gateway is a ready stand-in that echoes what it receives. */
public class AllServicesUp implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of()));
    }
}
