package dev.casebook.gateway;

import java.util.List;
import java.util.Map;

/** All services up, and a real broker on which the gateway follows auth-service's access changes. */
public class AccessChangesFollowed extends AllServicesUp {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of("access-changes", "broker")));
    }
}
