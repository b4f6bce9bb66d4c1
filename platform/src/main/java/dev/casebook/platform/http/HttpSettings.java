package dev.casebook.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** What every service accepts over HTTP. The defaults are platform's (META-INF/microprofile-config.properties). */
@ConfigMapping(prefix = "casebook.http")
public interface HttpSettings {

    /**
     * The largest body a request may have, declared or not; a larger one is refused with a 413 problem that states
     * this limit. Vert.x's own limit ({@code quarkus.http.limits.max-body-size}) stays far above it as a last line.
     */
    MemorySize maxBodySize();
}
