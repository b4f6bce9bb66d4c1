package dev.casebook.casestudy.api;

import dev.casebook.platform.database.AfterCommit;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * casestudy-service's own counters, registered at start with 0, so a rate over them is right from the first event
 * (Prometheus cannot see the first increment of a series that appears with it).
 */
@ApplicationScoped
@Startup
public class CaseStudyMeters {

    private final Counter publishes;
    private final Counter importsCreated;
    private final Counter importsRefused;

    private final TransactionSynchronizationRegistry transactions;

    public CaseStudyMeters(CasebookMeters meters, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.publishes = meters.counter(MeterNames.PUBLISHES);
        this.importsCreated = meters.counter(MeterNames.IMPORTS, "outcome", "created");
        this.importsRefused = meters.counter(MeterNames.IMPORTS, "outcome", "refused");
    }

    void published() {
        onceCommitted(publishes);
    }

    void imported() {
        onceCommitted(importsCreated);
    }

    void importRefused() {
        importsRefused.increment();
    }

    /**
     * Counts once the work is committed: a write sent with an Idempotency-Key runs in a transaction that is still
     * open when the resource returns, and may yet roll back.
     */
    private void onceCommitted(Counter counter) {
        AfterCommit.run(transactions, counter::increment);
    }
}
