package dev.casebook.casestudy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.contract.MetricRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case study as clients read it: every section of the template, and where it stands. */
@JsonPropertyOrder({"id", "status", "version", "authorId", "createdAt", "updatedAt", "publishedAt", "reviewComment", "metrics"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"id", "status", "version", "authorId", "createdAt", "updatedAt", "metrics", "title", "summary"})
public record CaseStudyView(UUID id, CaseStudyStatus status, long version, String authorId,
                            Instant createdAt, Instant updatedAt, Instant publishedAt, String reviewComment,
                            List<MetricRow> metrics, @JsonUnwrapped CaseStudyDocument document) {

    public static CaseStudyView of(CaseStudyCopy copy, List<MetricRow> metrics) {
        // The editor's last comment is for the author, on the working copy only.
        String comment = copy instanceof CaseStudy working ? working.reviewComment : null;
        // The slug comes with the document, which always carries the case study's current slug.
        return new CaseStudyView(copy.id, copy.status, copy.version(), copy.authorId, copy.createdAt,
                copy.updatedAt, copy.publishedAt, comment, metrics, copy.content);
    }
}
