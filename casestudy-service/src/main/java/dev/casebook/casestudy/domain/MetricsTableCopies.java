package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.metrics.contract.MetricsTableView;
import dev.casebook.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** This service's copies of the metrics tables metrics-service owns, in the rows case studies show. */
@ApplicationScoped
public class MetricsTableCopies {

    /** Keeps the newer of the copy and {@code table}, so a late redelivery of an old table changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(MetricsTableView table) {
        if (table.updatedAt() == null) {
            // Every table metrics-service sends has been saved; one without a time cannot be ordered with the others.
            throw InvalidInput.of("updatedAt", "must be the time the table was saved");
        }
        List<MetricRow> rows = table.rows().stream().map(row -> new MetricRow(row.name(), row.unit(), row.before(),
                row.after(), row.better() == null ? null : row.better().name(), row.improvementPercent(), row.improvementNote()))
                .toList();
        MetricsTable.keepNewest(table.caseStudyId(), rows, table.updatedAt());
    }
}
