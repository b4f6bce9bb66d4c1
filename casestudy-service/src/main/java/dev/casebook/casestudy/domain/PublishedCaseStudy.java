package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The copy the public reads: made at publish, unchanged by later drafts until the next publish. */
@Entity
@Table(name = "published_case_study")
public class PublishedCaseStudy extends CaseStudyCopy {

    /** The version of the working copy this was published from. */
    @Column(nullable = false)
    public long version;

    @Override
    public long version() {
        return version;
    }

    static PublishedCaseStudy of(CaseStudy working, Instant publishedAt) {
        PublishedCaseStudy published = new PublishedCaseStudy();
        published.id = working.id;
        published.copyFrom(working, publishedAt);
        return published;
    }

    void copyFrom(CaseStudy working, Instant publishedAt) {
        slug = working.slug;
        status = CaseStudyStatus.PUBLISHED;
        authorId = working.authorId;
        createdAt = working.createdAt;
        updatedAt = working.updatedAt;
        this.publishedAt = publishedAt;
        version = working.version;
        setContent(working.content);
    }

    public static Optional<PublishedCaseStudy> byIdOrSlug(String idOrSlug) {
        return Slugs.asUuid(idOrSlug)
                .<Optional<PublishedCaseStudy>>map(id -> PublishedCaseStudy.findByIdOptional(id))
                .orElseGet(() -> find("slug", idOrSlug).firstResultOptional());
    }
}
