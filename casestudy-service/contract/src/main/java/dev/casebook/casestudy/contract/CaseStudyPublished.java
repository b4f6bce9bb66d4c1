package dev.casebook.casestudy.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of the {@code published} event: the whole case study as the public now reads it, every section of the
 * template and its metrics table, so subscribers need not call back to read it.
 */
@JsonPropertyOrder({"id", "status", "version", "authorId", "createdAt", "updatedAt", "publishedAt", "metrics"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStudyPublished(@NotNull UUID id, @NotNull CaseStudyStatus status, long version, @NotBlank String authorId,
                                 Instant createdAt, Instant updatedAt, Instant publishedAt, List<MetricRow> metrics,
                                 @JsonUnwrapped CaseStudyDocument document) {

    /** The slug, which the document always carries. */
    public String slug() {
        return document == null ? null : document.slug();
    }
}
