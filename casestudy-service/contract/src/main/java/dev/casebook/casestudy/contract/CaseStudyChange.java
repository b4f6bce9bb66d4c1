package dev.casebook.casestudy.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * The data of every case-study event but {@code published}: which case study, where it stands now, and what
 * changed. {@code authorId} lets subscribers apply ownership rules.
 *
 * @param changed  the document's members the change touched (every section for a new case study)
 * @param comment  the editor's comment, with {@code changes-requested}
 * @param metrics  the metrics table of an imported case study, with its {@code created} event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStudyChange(@NotNull UUID id, @NotBlank String slug, @NotNull CaseStudyStatus status, long version,
                              @NotBlank String authorId, List<String> changed, String comment, List<ImportedMetric> metrics) {
}
