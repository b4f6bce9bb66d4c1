package dev.casebook.casestudy.api;

import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

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

    void importRefused() {
        importsRefused.increment();
    }
}
