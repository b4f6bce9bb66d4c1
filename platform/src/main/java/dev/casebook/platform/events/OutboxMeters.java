package dev.casebook.platform.events;

import dev.casebook.platform.database.SchemaMigrations;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's state as meters: how many rows wait for the broker ({@link MeterNames#OUTBOX_BACKLOG}), how long
 * the oldest has waited ({@link MeterNames#OUTBOX_OLDEST_AGE}), and how many are parked
 * ({@link MeterNames#OUTBOX_PARKED_ROWS}). One small query every few seconds, off the scrape: a
 * scrape never waits on the database, and a database that is down leaves the last values.
 */
@ApplicationScoped
@Startup // the gauges exist from the start (0), not from the first sample, so the rules and the dashboard find them
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class OutboxMeters {

    private static final Logger LOG = Logger.getLogger(OutboxMeters.class);

    private final SchemaMigrations migrations;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public OutboxMeters(@Readiness SchemaMigrations migrations, CasebookMeters meters) {
        this.migrations = migrations;
        meters.gauge(MeterNames.OUTBOX_BACKLOG, null, backlog, AtomicLong::get);
        meters.gauge(MeterNames.OUTBOX_OLDEST_AGE, "seconds", oldest, OutboxMeters::ageInSeconds);
        meters.gauge(MeterNames.OUTBOX_PARKED_ROWS, null, parked, AtomicLong::get);
    }

    @Scheduled(every = "${casebook.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (!migrations.done()) {
            return;
        }
        try {
            // Parked rows wait for an operator, not for the broker: counted apart, and not the oldest waiting.
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                    .createQuery("select count(e) filter (where e.parkedAt is null),"
                            + " min(e.occurredAt) filter (where e.parkedAt is null),"
                            + " count(e) filter (where e.parkedAt is not null)"
                            + " from OutboxEvent e where e.publishedAt is null")
                    .getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            oldest.set((Instant) row[1]);
            parked.set(((Number) row[2]).longValue());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not sample the outbox; the meters keep their last values");
        }
    }

    private static double ageInSeconds(AtomicReference<Instant> oldest) {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000d);
    }
}
