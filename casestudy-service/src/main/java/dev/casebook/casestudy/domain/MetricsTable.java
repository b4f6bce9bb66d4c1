package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local copy of a case study's metrics table, kept current by metrics-service's events. */
@Entity
@Table(name = "case_study_metrics")
public class MetricsTable extends PanacheEntityBase {

    @Id
    @Column(name = "case_study_id")
    public UUID caseStudyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public List<MetricRow> rows = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<MetricsTable> of(UUID caseStudyId) {
        return findByIdOptional(caseStudyId);
    }

    /**
     * The table as an imported document wrote it, stamped older than any table metrics-service sends, so that
     * metrics-service's own (with its improvements worked out) replaces it as soon as it arrives.
     */
    public static void asWritten(UUID caseStudyId, List<MetricRow> rows) {
        MetricsTable table = new MetricsTable();
        table.caseStudyId = caseStudyId;
        table.rows = new ArrayList<>(rows);
        table.updatedAt = Instant.EPOCH;
        table.persist();
    }

    /** Keeps the newer of two tables, so a late redelivery of an old table changes nothing. */
    public static void keepNewest(UUID caseStudyId, List<MetricRow> rows, Instant updatedAt) {
        MetricsTable table = MetricsTable.<MetricsTable>findByIdOptional(caseStudyId).orElseGet(() -> {
            MetricsTable fresh = new MetricsTable();
            fresh.caseStudyId = caseStudyId;
            return fresh;
        });
        if (table.updatedAt != null && table.updatedAt.isAfter(updatedAt)) {
            return;
        }
        table.rows = new ArrayList<>(rows);
        table.updatedAt = updatedAt;
        table.persist();
    }
}
