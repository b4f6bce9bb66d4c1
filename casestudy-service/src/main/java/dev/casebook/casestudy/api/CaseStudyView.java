package dev.casebook.casestudy.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.casestudy.domain.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyStatus;

import java.time.Instant;
import java.util.UUID;

/** A case study as clients read it: every section of the template, and where it stands. */
@JsonPropertyOrder({"id", "slug", "status", "version", "authorId", "createdAt", "updatedAt", "publishedAt"})
public record CaseStudyView(UUID id, String slug, CaseStudyStatus status, long version, String authorId,
                            Instant createdAt, Instant updatedAt, Instant publishedAt,
                            @JsonUnwrapped CaseStudyDocument document) {

    public static CaseStudyView of(CaseStudyCopy copy) {
        return new CaseStudyView(copy.id, copy.slug, copy.status, copy.version(), copy.authorId, copy.createdAt,
                copy.updatedAt, copy.publishedAt, copy.content);
    }
}
