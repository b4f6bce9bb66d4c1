package dev.casebook.casestudy.events;

import dev.casebook.casestudy.domain.MetricsTableCopies;
import dev.casebook.metrics.contract.MetricsEvents;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Keeps this service's copies of every case study's metrics tables from metrics-service's events: the working one
 * ({@code metrics.updated}) and the published one ({@code metrics.published}), so case studies show their metrics
 * even while metrics-service is down. An event that cannot be applied
 * goes to {@code metrics.events.dlq} (see application.properties).
 */
@ApplicationScoped
@Startup // made at start, not at the first record, so its meters (pipeline.register) are there from the start
public class MetricsTableListener {

    private final EventPipeline pipeline;
    private final EventHandlers handlers;

    public MetricsTableListener(EventPipeline pipeline, MetricsTableCopies copies) {
        this.pipeline = pipeline;
        this.handlers = pipeline.register(EventHandlers.of("metrics-table-copy")
                .on(MetricsEvents.UPDATED, (table, event) -> copies.keep(table))
                .on(MetricsEvents.PUBLISHED, (table, event) -> copies.keepPublished(table)));
    }

    @Incoming("metrics-tables")
    @Blocking
    public CompletionStage<Void> onMetricsEvent(Message<String> message) {
        return pipeline.deliver(message, handlers);
    }
}
