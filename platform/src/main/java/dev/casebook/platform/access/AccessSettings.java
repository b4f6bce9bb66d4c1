package dev.casebook.platform.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a verifier learns of auth-service's access changes. */
@ConfigMapping(prefix = "casebook.access")
public interface AccessSettings {

    /**
     * Whether this process follows {@value AccessEvents#TOPIC}. Off, a disabled user's tokens hold until they expire:
     * only for tests that run without a broker (the devstack's test resource turns it off when it starts none).
     */
    @WithDefault("true")
    boolean follow();
}
