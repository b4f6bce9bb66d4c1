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
 * The metrics table the public reads and analytics count: the case study's {@link MetricsTable} as it was at its
 * last publish. Changes to the working table wait here for review.
 */
@Entity
@Table(name = "published_metrics_table")
public class PublishedMetricsTable extends PanacheEntityBase {

    @Id
    @Column(name = "case_study_id")
    public UUID caseStudyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The version of the working table it was published from (0 for none): one count orders both copies. */
    @Column(nullable = false)
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "published_metric_row", joinColumns = @JoinColumn(name = "case_study_id"))
    @OrderColumn(name = "position")
    public List<MetricRow> rows = new ArrayList<>();

    public MetricsTableView view() {
        return MetricsTable.view(caseStudyId, rows, updatedAt, version);
    }
}
