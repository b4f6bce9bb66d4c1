package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local copy of a case study's working metrics table, kept current by metrics-service's {@code metrics.updated}
 * events: what its author and the editors see.
 */
@Entity
@Table(name = "case_study_metrics")
public class MetricsTable extends MetricsCopy {

    public static Optional<MetricsTable> of(UUID caseStudyId) {
        return findByIdOptional(caseStudyId);
    }

    /**
     * The table as an imported document wrote it, at version 0, older than any table metrics-service sends, so that
     * metrics-service's own (with its improvements worked out) replaces it as soon as it arrives.
     */
    public static void asWritten(UUID caseStudyId, List<MetricRow> rows) {
        MetricsTable table = new MetricsTable();
        table.caseStudyId = caseStudyId;
        table.keepIfNewer(rows, Instant.EPOCH, 0);
    }

    /** Keeps the table of the higher version, so a late redelivery of an old table changes nothing. */
    public static void keepNewest(UUID caseStudyId, List<MetricRow> rows, Instant updatedAt, long version) {
        MetricsTable.<MetricsTable>findByIdOptional(caseStudyId).orElseGet(() -> {
            MetricsTable fresh = new MetricsTable();
            fresh.caseStudyId = caseStudyId;
            return fresh;
        }).keepIfNewer(rows, updatedAt, version);
    }
}
