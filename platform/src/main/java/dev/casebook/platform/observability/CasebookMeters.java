package dev.casebook.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.ToDoubleFunction;

/**
 * The one way Casebook code registers its own meters: only names of {@link MeterNames}, so what the alert rules and
 * the dashboard use is what the services expose. Tags come as name, value pairs and must be bounded sets.
 */
@ApplicationScoped
public class CasebookMeters {

    private final MeterRegistry registry;

    public CasebookMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The counter of {@code name} with these tags; the same one on every call (Micrometer keeps it). */
    public Counter counter(String name, String... tags) {
        return Counter.builder(known(name)).tags(tags).register(registry);
    }

    /** A gauge that reads {@code state} at each scrape; {@code unit} may be null. */
    public <T> void gauge(String name, String unit, T state, ToDoubleFunction<T> value, String... tags) {
        Gauge.builder(known(name), state, value).baseUnit(unit).tags(tags).strongReference(true).register(registry);
    }

    private static String known(String name) {
        if (!MeterNames.ALL.contains(name)) {
            throw new IllegalArgumentException(name + " is not one of MeterNames: declare it there first");
        }
        return name;
    }
}
