package dev.casebook.metrics.contract;

import dev.casebook.platform.events.EventType;

import java.util.List;

/**
 * What metrics-service tells other services, on topic {@value #TOPIC}, keyed by the case study's id so that one
 * table's changes stay in order. Only metrics-service writes them, as {@value #SOURCE}. Each table carries the
 * version metrics-service gave it: a copy keeps the table of the highest version, never the latest {@code updatedAt}.
 */
public final class MetricsEvents {

    public static final String TOPIC = "metrics.events";
    /** The CloudEvents source of every event here: their owner. */
    public static final String SOURCE = "/casebook/metrics-service";

    /** A case study's working metrics table changed (its author and editors see it); carries the whole table. */
    public static final EventType<MetricsTableView> UPDATED = EventType.of(SOURCE, TOPIC, "dev.casebook.metrics.updated.v1",
            MetricsTableView.class, table -> table.caseStudyId().toString(), table -> table.caseStudyId().toString());

    /**
     * A case study was published, and with it its metrics table as it stood: the numbers the public reads and
     * analytics count until the next publish. Carries the whole table.
     */
    public static final EventType<MetricsTableView> PUBLISHED = EventType.of(SOURCE, TOPIC, "dev.casebook.metrics.published.v1",
            MetricsTableView.class, table -> table.caseStudyId().toString(), table -> table.caseStudyId().toString());

    /** Every event on the topic. */
    public static final List<EventType<?>> ALL = List.of(UPDATED, PUBLISHED);

    private MetricsEvents() {
    }
}
