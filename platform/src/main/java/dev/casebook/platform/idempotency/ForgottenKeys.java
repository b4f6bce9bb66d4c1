package dev.casebook.platform.idempotency;

import dev.casebook.platform.database.SchemaMigrations;
import dev.casebook.platform.database.TransactionLocks;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * Deletes keys older than the retention, in bounded batches of one short transaction each, on one instance of the
 * service at a time (an advisory lock; the others skip the run), so that a purge never holds locks for long.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.database.enabled", stringValue = "true")
public class ForgottenKeys {

    private final RememberedAnswers answers;
    private final IdempotencySettings settings;
    private final SchemaMigrations migrations;
    private final String lockName;

    public ForgottenKeys(RememberedAnswers answers, IdempotencySettings settings, @Readiness SchemaMigrations migrations,
                         @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.answers = answers;
        this.settings = settings;
        this.migrations = migrations;
        // Services share one database: each purges only its own keys, and its lock is its own.
        this.lockName = "casebook-idempotency-purge:" + applicationName;
    }

    @Scheduled(every = "${casebook.idempotency.purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        if (migrations.done()) {
            purge();
        }
    }

    /** Deletes what the retention lets go of, batch by batch; how many keys it deleted. */
    public long purge() {
        Instant before = Instant.now().minus(settings.retention());
        long deleted = 0;
        for (int batch = 0; batch < settings.purgeBatchesPerRun(); batch++) {
            int n = QuarkusTransaction.requiringNew().call(() -> TransactionLocks.tryHold(lockName)
                    ? answers.purge(before, settings.purgeBatch()) : 0);
            deleted += n;
            if (n < settings.purgeBatch()) {
                break;
            }
        }
        return deleted;
    }
}
