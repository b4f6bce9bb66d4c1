package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.MetricsTableView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A case study's working performance-metrics table: before, after and improvement per metric, in the author's order.
 * Its author and the editors see it; the public sees {@link PublishedMetricsTable}, what it was at the last publish.
 */
@Entity
@Table(name = "metrics_table")
public class MetricsTable extends PanacheEntityBase {

    public static final int MAX_ROWS = 50;

    @Id
    @Column(name = "case_study_id")
    public UUID caseStudyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * One more at each change, in the same transaction as the change and its event: what copies order tables by. A
     * clock can go back or be forged; a count this service keeps cannot.
     */
    @Column(nullable = false)
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "metric_row", joinColumns = @JoinColumn(name = "case_study_id"))
    @OrderColumn(name = "position")
    public List<MetricRow> rows = new ArrayList<>();

    /** The table as clients read it and as the {@code metrics.updated} event carries it. */
    public MetricsTableView view() {
        return view(caseStudyId, rows, updatedAt, version);
    }

    static MetricsTableView view(UUID caseStudyId, List<MetricRow> rows, Instant updatedAt, long version) {
        return new MetricsTableView(caseStudyId, rows.stream().map(row -> new MetricsTableView.Row(row.name(), row.unit(),
                row.before(), row.after(), row.better(), row.improvementPercent(), row.improvementNote())).toList(),
                updatedAt, version);
    }

    public static MetricsTable empty(UUID caseStudyId) {
        MetricsTable table = new MetricsTable();
        table.caseStudyId = caseStudyId;
        return table;
    }
}
