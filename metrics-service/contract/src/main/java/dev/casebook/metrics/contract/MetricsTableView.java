package dev.casebook.metrics.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case study's metrics table as clients read it and as the {@code metrics.updated} event carries it: the whole
 * table, so that subscribers keep a copy without calling back. {@code metrics.published} carries the published table
 * with the version of the working table it was published from, so both copies order by one count.
 */
public record MetricsTableView(@NotNull UUID caseStudyId, @NotNull List<@Valid @NotNull Row> rows,
                               @Schema(description = "Null while the case study has no table yet", nullable = true) Instant updatedAt,
                               @Schema(description = "Counts the table's changes: 0 while it has none, one more at each "
                                       + "change. Copies keep the table of the highest version, whatever its updatedAt says")
                               @PositiveOrZero long version) {

    public record Row(@NotBlank String name, String unit, BigDecimal before, BigDecimal after, Direction better,
                      @Schema(description = "In percent, to 15 significant digits; negative for a regression; null without a baseline",
                              nullable = true, examples = "85.8823529411765")
                      BigDecimal improvementPercent,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "Why improvementPercent is null", examples = "no baseline: before is 0")
                      String improvementNote) {
    }
}
