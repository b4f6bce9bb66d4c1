package dev.casebook.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * How a service uses PostgreSQL: its share of the server's connections and how long one statement may run. The
 * defaults are platform's (META-INF/microprofile-config.properties), sized in the README's "Connection budget".
 */
@ConfigMapping(prefix = "casebook.database")
public interface DatabaseSettings {

    /** Whether the service keeps data at all (a build property: the gateway keeps none). */
    @WithDefault("false")
    boolean enabled();

    /**
     * The most connections one instance holds ({@code CASEBOOK_DB_POOL_MAX_SIZE}); Agroal's pool is sized from it.
     * Every instance of every service counts against PostgreSQL's {@code max_connections}.
     */
    @WithDefault("6")
    @Min(1)
    int poolMaxSize();

    /**
     * How long one statement may run before PostgreSQL cancels it ({@code CASEBOOK_DB_STATEMENT_TIMEOUT}), as a whole
     * number of {@code ms} or {@code s} (PostgreSQL reads the same text); {@code 0} for no limit. Just under the
     * gateway's wait, so that a query the gateway has answered 504 for does not run on.
     */
    @WithDefault("4s")
    @Pattern(regexp = "0|[1-9][0-9]*(ms|s)", message = "must be a whole number of ms or s, such as 4s or 4500ms, or 0")
    String statementTimeout();

    /**
     * What the process does with its schema at start ({@code CASEBOOK_DB_MIGRATION}): {@code migrate},
     * {@code migrate-and-exit} (Kubernetes' migration Job) or {@code validate} (the Deployment's pods).
     */
    @WithDefault("migrate")
    @Pattern(regexp = "migrate|migrate-and-exit|validate", message = "must be migrate, migrate-and-exit or validate")
    String migration();

    default MigrationMode migrationMode() {
        return MigrationMode.of(migration());
    }

    /** {@link #statementTimeout()} as a duration; zero for no limit. */
    default Duration statementTimeoutDuration() {
        String text = statementTimeout();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
