package dev.casebook.casestudy.domain;

import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * casestudy-service's own counters, registered at start with 0, so a rate over them is right from the first event
 * (Prometheus cannot see the first increment of a series that appears with it). What changes data is counted by
 * {@link CaseStudyDesk} once committed: a write sent with an Idempotency-Key may still roll back after the desk
 * returns.
 */
@ApplicationScoped
@Startup
public class CaseStudyMeters {

    private final Counter publishes;
    private final Counter importsCreated;
    private final Counter importsRefused;

    public CaseStudyMeters(CasebookMeters meters) {
        this.publishes = meters.counter(MeterNames.PUBLISHES);
        this.importsCreated = meters.counter(MeterNames.IMPORTS, "outcome", "created");
        this.importsRefused = meters.counter(MeterNames.IMPORTS, "outcome", "refused");
    }

    void published() {
        publishes.increment();
    }

    void imported() {
        importsCreated.increment();
    }

    /** A document that is not the template: refused before anything is written. */
    public void importRefused() {
        importsRefused.increment();
    }
}
