package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local copy of the metrics table the public reads: the working table as it was at the case study's last
 * publish, kept by metrics-service's {@code metrics.published} events. Numbers changed since then wait for review.
 */
@Entity
@Table(name = "case_study_published_metrics")
public class PublishedMetricsTable extends MetricsCopy {

    public static Optional<PublishedMetricsTable> of(UUID caseStudyId) {
        return findByIdOptional(caseStudyId);
    }

    /** Keeps the table of the higher version, so a late redelivery of an old table changes nothing. */
    public static void keepNewest(UUID caseStudyId, List<MetricRow> rows, Instant updatedAt, long version) {
        PublishedMetricsTable.<PublishedMetricsTable>findByIdOptional(caseStudyId).orElseGet(() -> {
            PublishedMetricsTable fresh = new PublishedMetricsTable();
            fresh.caseStudyId = caseStudyId;
            return fresh;
        }).keepIfNewer(rows, updatedAt, version);
    }
}
