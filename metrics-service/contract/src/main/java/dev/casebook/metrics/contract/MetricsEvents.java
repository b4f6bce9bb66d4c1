package dev.casebook.metrics.contract;

import dev.casebook.platform.events.EventType;

/**
 * What metrics-service tells other services, on topic {@value #TOPIC}, keyed by the case study's id so that one
 * table's changes stay in order.
 */
public final class MetricsEvents {

    public static final String TOPIC = "metrics.events";

    /** A case study's working metrics table changed (its author and editors see it); carries the whole table. */
    public static final EventType<MetricsTableView> UPDATED = EventType.of(TOPIC, "dev.casebook.metrics.updated.v1",
            MetricsTableView.class, table -> table.caseStudyId().toString(), table -> table.caseStudyId().toString());

    /**
     * A case study was published, and with it its metrics table as it stood: the numbers the public reads and
     * analytics count until the next publish. Carries the whole table.
     */
    public static final EventType<MetricsTableView> PUBLISHED = EventType.of(TOPIC, "dev.casebook.metrics.published.v1",
            MetricsTableView.class, table -> table.caseStudyId().toString(), table -> table.caseStudyId().toString());

    private MetricsEvents() {
    }
}
