package dev.casebook.metrics.domain;

import dev.casebook.platform.security.Caller;
import dev.casebook.platform.domain.Conflict;
import dev.casebook.platform.domain.NotAllowed;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.domain.NotKnownYet;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows of a case study, kept from casestudy.events only: enough to decide who may
 * see and change its metrics, and to group analytics by industry and technology.
 */
@Entity
@Table(name = "case_study")
public class CaseStudy extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    /** Null until published: only the published event carries the document. */
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    public String industry;

    /** In analytics and public; a published case study being re-edited (status DRAFT) stays published. */
    @Column(nullable = false)
    public boolean published;

    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "case_study_technology", joinColumns = @JoinColumn(name = "case_study_id"))
    public Set<Technology> technologies = new LinkedHashSet<>();

    /** One entry of the tech stack, such as Quarkus in the backend layer. */
    @Embeddable
    public record Technology(String layer, String name) {
    }

    public boolean isReadableBy(Caller caller) {
        return published || isWorkingCopyVisibleTo(caller);
    }

    /** Its author and the editors work on it; they see its working metrics, everyone else the published ones. */
    public boolean isWorkingCopyVisibleTo(Caller caller) {
        return caller.isStaff() || caller.isAuthor(authorId);
    }

    /** The case study if the caller may read its metrics; anyone else is told it does not exist. */
    public static CaseStudy readable(UUID id, Caller caller) {
        return findReadable(id, caller).orElseThrow(() -> notFound(id));
    }

    /** The case study if the caller may read its metrics; empty where {@link #readable} answers 404. */
    public static Optional<CaseStudy> findReadable(UUID id, Caller caller) {
        return CaseStudy.<CaseStudy>findByIdOptional(id).filter(caseStudy -> caseStudy.isReadableBy(caller));
    }

    /**
     * The case study, locked until the transaction ends so that changes to its metrics happen one after the other,
     * if the caller may change its metrics.
     */
    public static CaseStudy changeableLocked(UUID id, Caller caller) {
        return requireChangeableBy(CaseStudy.findById(id, LockModeType.PESSIMISTIC_WRITE), id, caller);
    }

    /** The case study if the caller may change its metrics or add samples to it. */
    public static CaseStudy changeable(UUID id, Caller caller) {
        return requireChangeableBy(CaseStudy.findById(id), id, caller);
    }

    // Editors and admins always; its author while it is a draft; for anyone who may not read it, it does not exist.
    private static CaseStudy requireChangeableBy(CaseStudy caseStudy, UUID id, Caller caller) {
        if (caseStudy == null || !caseStudy.isReadableBy(caller)) {
            throw notYetKnown(id);
        }
        if (caller.isStaff()) {
            return caseStudy;
        }
        if (!caller.isAuthor(caseStudy.authorId)) {
            throw new NotAllowed("Only the author of case study " + caseStudy.slug
                    + " (while it is a draft), editors and admins change its metrics");
        }
        if (!DRAFT.equals(caseStudy.status)) {
            throw new Conflict("Case study " + caseStudy.slug + " is " + caseStudy.status
                            + "; its author changes its metrics only while it is DRAFT, editors and admins at any time")
                    .with("currentStatus", caseStudy.status);
        }
        return caseStudy;
    }

    public static NotFound notFound(UUID id) {
        return new NotFound("There is no case study " + id);
    }

    /**
     * The answer to a change of an unknown case study. This service learns of a new case study from its created
     * event, a moment after casestudy-service answered its author, so a client that sets metrics right after
     * creating is told to retry. The same answer for a case study the caller may not see: it does not exist for them.
     */
    static NotKnownYet notYetKnown(UUID id) {
        return new NotKnownYet("There is no case study " + id + " here yet; a case study created a moment"
                + " ago arrives within seconds, so retry after the Retry-After delay", Duration.ofSeconds(1));
    }
}
