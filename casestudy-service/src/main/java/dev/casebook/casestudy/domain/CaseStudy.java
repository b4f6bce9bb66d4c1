package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The working copy of a case study: what its author writes and its editors review. */
@Entity
@Table(name = "case_study")
public class CaseStudy extends CaseStudyCopy {

    // Optimistic locking: of two writers who read the same version, only the first one wins.
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "review_comment")
    public String reviewComment;

    /** Once published, a case study is part of the record: its slug stays and only an admin deletes it. */
    @Column(name = "ever_published", nullable = false)
    public boolean everPublished;

    @Override
    public long version() {
        return version;
    }

    public static CaseStudy draft(UUID id, String slug, String authorId, CaseStudyDocument document, Instant now) {
        CaseStudy caseStudy = new CaseStudy();
        caseStudy.id = id;
        caseStudy.slug = slug;
        caseStudy.authorId = authorId;
        caseStudy.status = CaseStudyStatus.DRAFT;
        caseStudy.createdAt = now;
        caseStudy.updatedAt = now;
        caseStudy.setContent(document);
        return caseStudy;
    }

    public void revise(CaseStudyDocument document, Instant now) {
        setContent(document);
        updatedAt = now;
    }

    /** The working copy is for its author and the staff; everyone else sees the published copy. */
    public boolean isWorkingCopyVisibleTo(Caller caller) {
        return isWorkingCopyOf(authorId, caller);
    }

    /** The same rule, for a working copy known only by its author's id. */
    static boolean isWorkingCopyOf(String authorId, Caller caller) {
        return caller.isStaff() || caller.isAuthor(authorId);
    }

    public static Optional<CaseStudy> byIdOrSlug(String idOrSlug) {
        return Slugs.asUuid(idOrSlug)
                .<Optional<CaseStudy>>map(id -> CaseStudy.findByIdOptional(id))
                .orElseGet(() -> find("slug", idOrSlug).firstResultOptional());
    }

    public static boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except) > 0
                || PublishedCaseStudy.count("slug = ?1 and id <> ?2", slug, except) > 0;
    }
}
