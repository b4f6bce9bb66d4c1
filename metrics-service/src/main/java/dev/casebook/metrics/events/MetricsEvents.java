package dev.casebook.metrics.events;

import dev.casebook.metrics.api.MetricsTableView;
import dev.casebook.metrics.domain.MetricsTable;
import dev.casebook.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells other services that a case study's metrics table changed, on topic {@value #TOPIC}, keyed by the case
 * study's id so that one table's changes stay in order. The event carries the whole table: subscribers keep a
 * copy without calling back. Written through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class MetricsEvents {

    public static final String TOPIC = "metrics.events";
    public static final String UPDATED = "dev.casebook.metrics.updated.v1";

    private final Outbox outbox;

    public MetricsEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void updated(MetricsTable table) {
        String caseStudyId = table.caseStudyId.toString();
        outbox.record(TOPIC, caseStudyId, UPDATED, caseStudyId, MetricsTableView.of(table));
    }
}
