package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.metrics.contract.MetricsTableView;
import dev.casebook.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** This service's copies of the metrics tables metrics-service owns, working and published, in the rows case studies show. */
@ApplicationScoped
public class MetricsTableCopies {

    /** The working table (what its author and the editors see), unless the copy has a higher version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(MetricsTableView table) {
        MetricsTable.keepNewest(table.caseStudyId(), rows(table), stamp(table), table.version());
    }

    /** The table the public reads from this publish on, unless the copy has a higher version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepPublished(MetricsTableView table) {
        PublishedMetricsTable.keepNewest(table.caseStudyId(), rows(table), stamp(table), table.version());
    }

    private static Instant stamp(MetricsTableView table) {
        if (table.updatedAt() == null) {
            // Every table metrics-service sends has been saved, and the copy shows when.
            throw InvalidInput.of("updatedAt", "must be the time the table was saved");
        }
        return table.updatedAt();
    }

    private static List<MetricRow> rows(MetricsTableView table) {
        return table.rows().stream().map(row -> new MetricRow(row.name(), row.unit(), row.before(),
                row.after(), row.better() == null ? null : row.better().name(), row.improvementPercent(), row.improvementNote()))
                .toList();
    }
}
