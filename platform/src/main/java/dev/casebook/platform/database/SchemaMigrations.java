package dev.casebook.platform.database;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * Migrates the service's schema with Flyway at start. When PostgreSQL cannot be reached, the service
 * still starts, says so in one line, reports not ready, and migrates as soon as the database is there,
 * instead of dying in a restart loop.
 *
 * <p>How it treats the schema is {@link MigrationMode}: migrate (the default), migrate and exit (Kubernetes' migration
 * Job, once per release), or only validate (the Deployment's pods, which stay not ready until the Job has run).
 */
@ApplicationScoped
@Readiness
@IfBuildProperty(name = "casebook.database.enabled", stringValue = "true")
public class SchemaMigrations implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    private static final String RETRY_EVERY = "2s";

    private final Flyway flyway;
    private final String url;
    private final MigrationMode mode;
    private volatile String version;
    private volatile String waitingFor = "not started";
    private volatile boolean broken;

    @Inject
    public SchemaMigrations(Flyway flyway, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                            DatabaseSettings settings) {
        this(flyway, url, settings.migrationMode());
    }

    SchemaMigrations(Flyway flyway, String url, MigrationMode mode) {
        this.flyway = flyway;
        this.url = url;
        this.mode = mode;
    }

    void migrateAtStart(@Observes StartupEvent event) {
        try {
            tryMigrate(true);
        } catch (FlywayException e) {
            exitIfAJob(1);
            throw e;
        }
    }

    // Quarkus's scheduler tries again while the database is away; once the schema is migrated, a tick does nothing.
    @Scheduled(every = RETRY_EVERY, delayed = RETRY_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (version == null && !broken) {
            try {
                tryMigrate(false);
            } catch (FlywayException e) {
                exitIfAJob(1);
                throw e;
            }
        }
    }

    private synchronized boolean tryMigrate(boolean first) {
        try {
            if (mode == MigrationMode.VALIDATE) {
                return tryValidate(first);
            }
            MigrateResult migrated = flyway.migrate();
            version = migrated.targetSchemaVersion != null ? migrated.targetSchemaVersion
                    : migrated.initialSchemaVersion != null ? migrated.initialSchemaVersion : "empty";
            if (!first || mode == MigrationMode.MIGRATE_AND_EXIT) {
                LOG.infof("PostgreSQL at %s is reachable; schema migrated to version %s", url, version);
            }
            exitIfAJob(0);
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

    // Pending migrations are the release's Job still to run (or running): wait for it. Anything else that fails
    // validation (a changed script, a migration this build lacks) is a release that does not fit its schema.
    private boolean tryValidate(boolean first) {
        MigrationInfoService info = flyway.info(); // reads the scripts and the history table: once per try
        String current = info.current() == null ? "empty" : String.valueOf(info.current().getVersion());
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            String waited = "schema at version " + current + " lacks " + pending.length
                    + " migration(s) of this release, up to " + pending[pending.length - 1].getVersion()
                    + "; waiting for its migration Job (CASEBOOK_DB_MIGRATION=migrate-and-exit)";
            if (first || !waited.equals(waitingFor)) {
                LOG.infof("%s", waited);
            }
            waitingFor = waited;
            return false;
        }
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            broken = true;
            waitingFor = "schema does not validate against this release's migrations: " + result.getAllErrorMessages();
            LOG.errorf("%s", waitingFor);
            return false;
        }
        version = current;
        LOG.infof("Schema at version %s, as this release expects (validated, not migrated)", version);
        return true;
    }

    private void exitIfAJob(int status) {
        if (mode == MigrationMode.MIGRATE_AND_EXIT) {
            Quarkus.asyncExit(status);
        }
    }

    /**
     * The database could not be reached, or gave no connection in time (a busy server at start, or the pool's
     * acquisition timeout): something to wait out, unlike a migration that fails once it runs.
     */
    private static SQLException connectionFailure(Throwable e) {
        boolean noConnection = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            noConnection |= cause instanceof FlywaySqlUnableToConnectToDbException;
            if (cause instanceof SQLException sql
                    && (noConnection || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return sql;
            }
        }
        return noConnection ? new SQLException(e.getMessage()) : null;
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
