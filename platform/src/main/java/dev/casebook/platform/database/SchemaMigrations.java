package dev.casebook.platform.database;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
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
    private static final String RETRY_EVERY = "2s";

    private final Flyway flyway;
    private final String url;
    private volatile String version;
    private volatile String waitingFor = "not started";
    private volatile boolean broken;

    public SchemaMigrations(Flyway flyway, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.flyway = flyway;
        this.url = url;
    }

    void migrateAtStart(@Observes StartupEvent event) {
        tryMigrate(true);
    }

    // Quarkus's scheduler tries again while the database is away; once the schema is migrated, a tick does nothing.
    @Scheduled(every = RETRY_EVERY, delayed = RETRY_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (version == null && !broken) {
            tryMigrate(false);
        }
    }

    private synchronized boolean tryMigrate(boolean first) {
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
                broken = true;
                throw e; // a broken migration is a bug to fix, not something to wait out
            }
            waitingFor = "PostgreSQL at " + url + " is not reachable: " + unreachable.getMessage();
            if (first) {
                LOG.warnf("%s; the service is not ready and retries every %s", waitingFor, RETRY_EVERY);
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
}
