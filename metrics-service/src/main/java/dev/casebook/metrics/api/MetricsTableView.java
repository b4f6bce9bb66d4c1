package dev.casebook.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.casebook.metrics.domain.Direction;
import dev.casebook.metrics.domain.MetricRow;
import dev.casebook.metrics.domain.MetricsTable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A metrics table as clients read it and as the {@code metrics.updated} event carries it. */
public record MetricsTableView(UUID caseStudyId, List<Row> rows,
                               @Schema(description = "Null while the case study has no table yet", nullable = true) Instant updatedAt) {

    public record Row(String name, String unit, BigDecimal before, BigDecimal after, Direction better,
                      @Schema(description = "In percent, to 15 significant digits; negative for a regression; null without a baseline",
                              nullable = true, examples = "85.8823529411765")
                      BigDecimal improvementPercent,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "Why improvementPercent is null", examples = "no baseline: before is 0")
                      String improvementNote) {

        static Row of(MetricRow row) {
            return new Row(row.name(), row.unit(), row.before(), row.after(), row.better(), row.improvementPercent(),
                    row.improvementNote());
        }
    }

    public static MetricsTableView of(MetricsTable table) {
        return new MetricsTableView(table.caseStudyId, table.rows.stream().map(Row::of).toList(), table.updatedAt);
    }
}
