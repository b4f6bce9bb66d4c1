package dev.casebook.platform.database;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Migrates the service's schema with Flyway at start. When PostgreSQL cannot be reached, the service
 * still starts, says so in one line, reports not ready, and migrates as soon as the database is there,
 * instead of dying in a restart loop.
 */
@ApplicationScoped
@Readiness
@IfBuildProperty(name = "casebook.database.enabled", stringValue = "true")
public class SchemaMigrations implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    private static final long RETRY_SECONDS = 2;

    private final Flyway flyway;
    private final String url;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "schema-migrations");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String version;
    private volatile String waitingFor = "not started";

    public SchemaMigrations(Flyway flyway, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.flyway = flyway;
        this.url = url;
    }

    void migrateAtStart(@Observes StartupEvent event) {
        if (!tryMigrate(true)) {
            retries.scheduleWithFixedDelay(() -> {
                if (tryMigrate(false)) {
                    retries.shutdown();
                }
            }, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private boolean tryMigrate(boolean first) {
        try {
            flyway.migrate();
            version = String.valueOf(flyway.info().current() == null ? "empty" : flyway.info().current().getVersion());
            if (!first) {
                LOG.infof("PostgreSQL at %s is reachable; schema migrated to version %s", url, version);
            }
            return true;
        } catch (FlywayException e) {
            SQLException unreachable = connectionFailure(e);
            if (unreachable == null) {
                throw e; // a broken migration is a bug to fix, not something to wait out
            }
            waitingFor = "PostgreSQL at " + url + " is not reachable: " + unreachable.getMessage();
            if (first) {
                LOG.warnf("%s; the service is not ready and retries every %d s", waitingFor, RETRY_SECONDS);
            }
            return false;
        }
    }

    private static SQLException connectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return sql;
            }
        }
        return null;
    }

    /** True once the schema is migrated: before that, work on the database must wait. */
    public boolean done() {
        return version != null;
    }

    @Override
    public HealthCheckResponse call() {
        return version != null
                ? HealthCheckResponse.named("database-schema").up().withData("version", version).build()
                : HealthCheckResponse.named("database-schema").down().withData("reason", waitingFor).build();
    }

    void stop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }
}
