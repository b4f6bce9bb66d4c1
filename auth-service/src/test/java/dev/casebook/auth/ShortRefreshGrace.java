package dev.casebook.auth;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A refresh reuse grace of 2 s instead of 10, so that a test sees the window close. */
public class ShortRefreshGrace implements QuarkusTestProfile {

    static final long GRACE_MILLIS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("casebook.jwt.refresh-reuse-grace", GRACE_MILLIS + "ms");
    }
}
