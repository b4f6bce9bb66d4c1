package dev.casebook.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;

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
    /**
     * Binds the Kafka producer's own metrics ({@code kafka_producer_*}) for a producer the platform makes itself (the
     * outbox relay's), as Quarkus's binder does for the channels' clients. The caller closes the binding with the
     * producer.
     */
    public AutoCloseable bindKafkaClient(Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

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
