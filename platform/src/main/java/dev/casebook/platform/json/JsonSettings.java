package dev.casebook.platform.json;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service's JSON differs from the one every service shares ({@link CasebookJson}). Each is off unless the
 * service's own application.properties turns it on: turning one on elsewhere changes what that service accepts or
 * writes, in its API and in its events. Read when the ObjectMapper is made, which Hibernate ORM asks for already at
 * static init: hence {@code @StaticInitSafe}.
 */
@StaticInitSafe
@ConfigMapping(prefix = "casebook.json")
public interface JsonSettings {

    /**
     * Text takes only JSON strings, and enums only their names: a number or boolean where text belongs (a username of
     * 42) is a field error instead of quietly becoming text, and a number does not pick a constant by its position.
     */
    @WithDefault("false")
    boolean strictTypes();

    /** Decimals are written as plain numbers (1000, never 1E+3), in responses and events alike. */
    @WithDefault("false")
    boolean plainDecimals();
}
