package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyChange;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyEvents;
import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.contract.ImportedMetric;
import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.platform.domain.Conflict;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.domain.NotAllowed;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.domain.StaleVersion;
import dev.casebook.platform.events.EventType;
import dev.casebook.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import dev.casebook.platform.database.AfterCommit;
import dev.casebook.platform.database.TransactionLocks;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The editorial desk: every change to a case study goes through here, is saved as a revision and
 * announced as an event in the same transaction.
 */
@ApplicationScoped
@Transactional
public class CaseStudyDesk {

    private static final int SLUG_FAMILY = 0x534c55; // per slug family (Slugs.family)
    private static final Logger LOG = Logger.getLogger(CaseStudyDesk.class);

    private final CaseStudyAnnouncements events;
    private final TransactionSynchronizationRegistry transactions;
    private final CaseStudyMeters meters;

    CaseStudyDesk(CaseStudyAnnouncements events, TransactionSynchronizationRegistry transactions, CaseStudyMeters meters) {
        this.events = events;
        this.transactions = transactions;
        this.meters = meters;
    }

    public CaseStudy create(CaseStudyDocument document, Caller caller) {
        CaseStudy caseStudy = startDraft(document, caller);
        events.changed(CaseStudyEvents.CREATED, caseStudy, DocumentChanges.sections(), null);
        return caseStudy;
    }

    /**
     * A draft from imported Markdown; its metrics go to metrics-service with the event. Until metrics-service has
     * worked them out, the case study shows the table as the writer wrote it.
     */
    public CaseStudy importDraft(CaseStudyDocument document, List<ImportedMetric> metrics, List<MetricRow> asWritten, Caller caller) {
        CaseStudy caseStudy = startDraft(document, caller);
        if (!asWritten.isEmpty()) {
            MetricsTable.asWritten(caseStudy.id, asWritten);
        }
        events.imported(caseStudy, DocumentChanges.sections(), metrics);
        AfterCommit.run(transactions, meters::imported);
        return caseStudy;
    }

    private CaseStudy startDraft(CaseStudyDocument document, Caller caller) {
        String slug = document.slug() != null ? requireFree(document.slug(), null) : freeSlugFor(document.title());
        CaseStudy caseStudy = CaseStudy.draft(UUID.randomUUID(), slug, caller.id(), document.withSlug(slug), now());
        caseStudy.persistAndFlush();
        CaseStudyRevision.of(caseStudy, caller.id()).persist();
        return caseStudy;
    }

    /**
     * Replaces the document when the caller read the current version.
     *
     * @param expectedVersion the version the caller read, or null when any version will do
     */
    public CaseStudy replace(UUID id, CaseStudyDocument document, Long expectedVersion, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        requireEditable(caseStudy, caller);
        if (expectedVersion != null && caseStudy.version != expectedVersion) {
            throw new StaleVersion("Case study " + caseStudy.slug + " changed since you read it: it is at version "
                    + caseStudy.version + ", you sent If-Match for " + expectedVersion + "; read it again and redo your change")
                    .with("currentVersion", caseStudy.version);
        }
        String slug = document.slug() == null ? caseStudy.slug : document.slug();
        if (!slug.equals(caseStudy.slug)) {
            if (caseStudy.everPublished) {
                throw new Conflict("The slug of a published case study stays '" + caseStudy.slug
                        + "' so that links to it keep working");
            }
            requireFree(slug, caseStudy.id);
            caseStudy.slug = slug;
        }
        CaseStudyDocument revised = document.withSlug(slug);
        List<String> changed = DocumentChanges.between(caseStudy.content, revised);
        if (caseStudy.status == CaseStudyStatus.PUBLISHED) {
            caseStudy.status = CaseStudyStatus.DRAFT; // a new draft; the published copy stays until the next publish
        }
        caseStudy.revise(revised, now());
        saveNow(caseStudy);
        CaseStudyRevision.of(caseStudy, caller.id()).persist();
        events.changed(CaseStudyEvents.UPDATED, caseStudy, changed, null);
        return caseStudy;
    }

    public CaseStudy submit(UUID id, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        return transition(caseStudy, Set.of(CaseStudyStatus.DRAFT), CaseStudyStatus.IN_REVIEW, CaseStudyEvents.SUBMITTED, "submitted", null);
    }

    public CaseStudy publish(UUID id, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        requireStatus(caseStudy, Set.of(CaseStudyStatus.IN_REVIEW), "published");
        Instant now = now();
        caseStudy.status = CaseStudyStatus.PUBLISHED;
        caseStudy.publishedAt = now;
        caseStudy.everPublished = true;
        caseStudy.reviewComment = null;
        saveNow(caseStudy);
        PublishedCaseStudy published = PublishedCaseStudy.<PublishedCaseStudy>findByIdOptional(caseStudy.id)
                .orElseGet(() -> PublishedCaseStudy.of(caseStudy, now));
        published.copyFrom(caseStudy, now);
        published.persist();
        // The public reads the numbers being published at once; metrics-service's metrics.published confirms them.
        MetricsTable.of(caseStudy.id).ifPresent(working -> PublishedMetricsTable.keepNewest(caseStudy.id, working.rows, working.updatedAt,
                working.version));
        events.published(published);
        // Counted, and logged with its request and trace id for an operator to follow, only once it has taken effect.
        long version = caseStudy.version;
        AfterCommit.run(transactions, () -> {
            meters.published();
            LOG.infof("Case study %s (version %d) is published", caseStudy.id, version);
        });
        return caseStudy;
    }

    public CaseStudy requestChanges(UUID id, String comment, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        CaseStudy changed = transition(caseStudy, Set.of(CaseStudyStatus.IN_REVIEW), CaseStudyStatus.DRAFT,
                CaseStudyEvents.CHANGES_REQUESTED, "sent back for changes", comment);
        changed.reviewComment = comment;
        return changed;
    }

    public CaseStudy unpublish(UUID id, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        boolean hasPublishedCopy = PublishedCaseStudy.deleteById(caseStudy.id);
        if (!hasPublishedCopy) {
            throw statusConflict(caseStudy, "unpublished", Set.of(CaseStudyStatus.PUBLISHED));
        }
        if (caseStudy.status == CaseStudyStatus.PUBLISHED) {
            caseStudy.status = CaseStudyStatus.DRAFT;
        }
        caseStudy.publishedAt = null;
        caseStudy.updatedAt = now();
        saveNow(caseStudy);
        events.changed(CaseStudyEvents.UNPUBLISHED, caseStudy, List.of("status", "publishedAt"), null);
        return caseStudy;
    }

    public CaseStudy archive(UUID id, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        requireStatus(caseStudy, Set.of(CaseStudyStatus.DRAFT, CaseStudyStatus.IN_REVIEW, CaseStudyStatus.PUBLISHED), "archived");
        PublishedCaseStudy.deleteById(caseStudy.id);
        caseStudy.publishedAt = null;
        return transition(caseStudy, Set.of(caseStudy.status), CaseStudyStatus.ARCHIVED, CaseStudyEvents.ARCHIVED, "archived", null);
    }

    public void delete(UUID id, Caller caller) {
        CaseStudy caseStudy = workingCopy(id, caller);
        if (!caller.isAdmin() && !(caller.isAuthor(caseStudy.authorId) && !caseStudy.everPublished)) {
            throw new NotAllowed(caseStudy.everPublished
                    ? "Case study " + caseStudy.slug + " has been published; only an admin deletes it"
                    : "Only the author of " + caseStudy.slug + " or an admin deletes it");
        }
        events.changed(CaseStudyEvents.DELETED, caseStudy, List.of(), null);
        MetricsTable.deleteById(caseStudy.id);
        PublishedMetricsTable.deleteById(caseStudy.id);
        caseStudy.delete();
    }

    /** The id of the working copy named by id or slug, or 404 as for {@link #workingCopy(UUID, Caller)}. */
    public UUID idOf(String idOrSlug, Caller caller) {
        return CaseStudy.byIdOrSlug(idOrSlug)
                .filter(caseStudy -> caseStudy.isWorkingCopyVisibleTo(caller))
                .map(caseStudy -> caseStudy.id)
                .orElseThrow(() -> new NotFound("There is no case study '" + idOrSlug + "'"));
    }

    /** The working copy, or 404 for anyone who may not see it: other people's drafts do not exist for them. */
    public CaseStudy workingCopy(UUID id, Caller caller) {
        return CaseStudy.<CaseStudy>findByIdOptional(id)
                .filter(caseStudy -> caseStudy.isWorkingCopyVisibleTo(caller))
                .orElseThrow(() -> new NotFound("There is no case study " + id));
    }

    private CaseStudy transition(CaseStudy caseStudy, Set<CaseStudyStatus> from, CaseStudyStatus to,
                                 EventType<CaseStudyChange> event, String verb, String comment) {
        requireStatus(caseStudy, from, verb);
        caseStudy.status = to;
        caseStudy.updatedAt = now();
        saveNow(caseStudy);
        events.changed(event, caseStudy, List.of("status"), comment);
        return caseStudy;
    }

    /** Writes the change now, so that a concurrent writer who got there first is noticed here and not at commit. */
    private static void saveNow(CaseStudy caseStudy) {
        try {
            caseStudy.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion("Case study " + caseStudy.slug
                    + " was changed by someone else at the same moment; read it again and redo your change");
        }
    }

    private static void requireStatus(CaseStudy caseStudy, Set<CaseStudyStatus> allowed, String verb) {
        if (!allowed.contains(caseStudy.status)) {
            throw statusConflict(caseStudy, verb, allowed);
        }
    }

    private static Conflict statusConflict(CaseStudy caseStudy, String verb, Set<CaseStudyStatus> allowed) {
        Conflict conflict = new Conflict("Case study " + caseStudy.slug + " is " + caseStudy.status + "; only a case study that is "
                + String.join(" or ", allowed.stream().map(Enum::name).sorted().toList()) + " can be " + verb);
        conflict.with("currentStatus", caseStudy.status);
        return conflict;
    }

    private static void requireEditable(CaseStudy caseStudy, Caller caller) {
        if (caseStudy.status == CaseStudyStatus.ARCHIVED) {
            throw statusConflict(caseStudy, "edited", Set.of(CaseStudyStatus.DRAFT, CaseStudyStatus.PUBLISHED));
        }
        if (caseStudy.status == CaseStudyStatus.IN_REVIEW && !caller.isStaff()) {
            throw statusConflict(caseStudy, "edited by its author", Set.of(CaseStudyStatus.DRAFT, CaseStudyStatus.PUBLISHED));
        }
    }

    private static String requireFree(String slug, UUID except) {
        if (Slugs.RESERVED.contains(slug)) {
            throw InvalidInput.of("slug", "is a name the API uses itself; choose another");
        }
        holdSlugsOf(slug);
        if (CaseStudy.slugTaken(slug, except == null ? new UUID(0, 0) : except)) {
            throw new Conflict("The slug '" + slug + "' is taken by another case study").with("slug", slug);
        }
        return slug;
    }

    private static String freeSlugFor(String title) {
        String base = Slugs.fromTitle(title);
        holdSlugsOf(base);
        String slug = base;
        for (int n = 2; Slugs.RESERVED.contains(slug) || CaseStudy.slugTaken(slug, new UUID(0, 0)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    // Two requests choosing a slug of one family take turns until the first commits, on every instance: otherwise
    // both could find "checkout" free, and the second would fail on the unique index with a 500.
    private static void holdSlugsOf(String slug) {
        TransactionLocks.hold(SLUG_FAMILY, Slugs.family(slug));
    }

    // Microseconds: what PostgreSQL keeps, so a value read back equals the one written.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
