package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the working copy and the published copy of a case study have in common: the document and the
 * columns that listing and search filter on, kept in step with the document.
 */
@MappedSuperclass
public abstract class CaseStudyCopy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStudyStatus status;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(nullable = false)
    public String title;

    public String industry;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> tech = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public CaseStudyDocument content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public abstract long version();

    /** Replaces the document and the columns derived from it. */
    protected void setContent(CaseStudyDocument document) {
        content = document;
        title = document.title();
        industry = document.client() == null ? null : document.client().industry();
        tags = document.tags() == null ? new ArrayList<>() : new ArrayList<>(document.tags());
        tech = new ArrayList<>(techOf(document));
    }

    /** Every entry of every part of the tech stack, for the {@code tech} filter. */
    static List<String> techOf(CaseStudyDocument document) {
        CaseStudyDocument.TechStack stack = document.techStack();
        if (stack == null) {
            return List.of();
        }
        return Stream.of(stack.frontend(), stack.backend(), stack.infrastructure(), stack.testing())
                .filter(list -> list != null)
                .flatMap(List::stream)
                .distinct()
                .toList();
    }
}
