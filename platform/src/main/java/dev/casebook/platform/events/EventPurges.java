package dev.casebook.platform.events;

import dev.casebook.platform.database.SchemaMigrations;
import dev.casebook.platform.database.TransactionLocks;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the event tables small: published outbox rows past {@link OutboxSettings#retention()} and remembered event
 * ids past {@link EventConsumerSettings#processedRetention()} are deleted, a bounded batch per transaction, oldest
 * first, by one instance of the service at a time (the others find the lock taken and leave it). Parked rows stay:
 * they wait for an operator.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class EventPurges {

    private static final Logger LOG = Logger.getLogger(EventPurges.class);

    private static final String PUBLISHED_OUTBOX_ROWS = "DELETE FROM outbox_event WHERE id IN"
            + " (SELECT id FROM outbox_event WHERE published_at < :cutoff ORDER BY id LIMIT :batch)";
    private static final String PROCESSED_EVENT_IDS = "DELETE FROM processed_event WHERE (consumer, event_id) IN"
            + " (SELECT consumer, event_id FROM processed_event WHERE processed_at < :cutoff ORDER BY processed_at LIMIT :batch)";

    private final SchemaMigrations migrations;
    private final OutboxSettings outbox;
    private final Duration processedRetention;
    private final String lockName;

    public EventPurges(@Readiness SchemaMigrations migrations, OutboxSettings outbox, EventSettings events,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.migrations = migrations;
        this.outbox = outbox;
        this.processedRetention = events.consumer().processedRetention();
        this.lockName = "casebook-event-purges:" + applicationName;
    }

    @Scheduled(every = "${casebook.outbox.purge-interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        if (migrations.done()) {
            try {
                purge();
            } catch (RuntimeException e) {
                LOG.warnf("Purging the event tables failed (%s); the next run tries again", e.getMessage());
            }
        }
    }

    /** Purges what is past its retention now; returns the rows deleted, or -1 when another instance is at it. */
    public long purge() {
        Instant now = Instant.now();
        long outboxRows = inBatches(PUBLISHED_OUTBOX_ROWS, now.minus(outbox.retention()));
        if (outboxRows < 0) {
            return -1;
        }
        long eventIds = inBatches(PROCESSED_EVENT_IDS, now.minus(processedRetention));
        if (eventIds < 0) {
            return -1;
        }
        if (outboxRows + eventIds > 0) {
            LOG.infof("Purged %d published outbox rows and %d remembered event ids past their retention", outboxRows, eventIds);
        }
        return outboxRows + eventIds;
    }

    private long inBatches(String delete, Instant cutoff) {
        long deleted = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                if (!TransactionLocks.tryHold(lockName)) {
                    return -1;
                }
                return Panache.getEntityManager().createNativeQuery(delete)
                        .setParameter("cutoff", cutoff)
                        .setParameter("batch", outbox.purgeBatch())
                        .executeUpdate();
            });
            if (batch < 0) {
                return deleted == 0 ? -1 : deleted; // another instance took over between batches
            }
            deleted += batch;
            if (batch < outbox.purgeBatch()) {
                return deleted;
            }
        }
    }
}
