package dev.casebook.casestudy.domain;

import dev.casebook.platform.security.Caller;
import dev.casebook.platform.domain.NotFound;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds the copy of a case study a caller may read: the working copy if it is theirs to see, else the published one. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseStudyReader {

    public CaseStudyCopy visible(String idOrSlug, Caller caller) {
        return CaseStudy.byIdOrSlug(idOrSlug)
                .filter(caseStudy -> caseStudy.isWorkingCopyVisibleTo(caller))
                .<CaseStudyCopy>map(working -> working)
                .or(() -> PublishedCaseStudy.byIdOrSlug(idOrSlug))
                .orElseThrow(() -> new NotFound("There is no case study '" + idOrSlug + "'"));
    }

    /**
     * The version of what {@link #visible} would answer, read without the document (two lookups by key, of a few
     * columns), so that a client whose copy is current gets its 304 cheaply. Empty when there is no such case study.
     */
    public Optional<CopyVersion> visibleVersion(String idOrSlug, Caller caller) {
        Optional<Object[]> working = versionRow("CaseStudy", idOrSlug)
                .filter(row -> CaseStudy.isWorkingCopyOf((String) row[2], caller));
        if (working.isPresent()) {
            return working.map(row -> new CopyVersion((Long) row[1], metricsVersion("MetricsTable", (UUID) row[0])));
        }
        return versionRow("PublishedCaseStudy", idOrSlug)
                .map(row -> new CopyVersion((Long) row[1], metricsVersion("PublishedMetricsTable", (UUID) row[0])));
    }

    private static Optional<Object[]> versionRow(String entity, String idOrSlug) {
        Optional<UUID> id = Slugs.asUuid(idOrSlug);
        return Panache.getEntityManager()
                .createQuery("SELECT c.id, c.version, c.authorId FROM " + entity + " c WHERE "
                        + (id.isPresent() ? "c.id" : "c.slug") + " = :key", Object[].class)
                .setParameter("key", id.<Object>map(uuid -> uuid).orElse(idOrSlug))
                .getResultStream().findFirst();
    }

    private static Optional<Long> metricsVersion(String entity, UUID caseStudyId) {
        return Panache.getEntityManager()
                .createQuery("SELECT m.version FROM " + entity + " m WHERE m.caseStudyId = :id", Long.class)
                .setParameter("id", caseStudyId)
                .getResultStream().findFirst();
    }

    /**
     * The metrics that go with {@code copy}: the working table with the working copy, the table of the last publish
     * with the published copy, so numbers changed since then stay private until they are published.
     */
    public Optional<? extends MetricsCopy> metricsOf(CaseStudyCopy copy) {
        return copy instanceof PublishedCaseStudy ? PublishedMetricsTable.of(copy.id) : MetricsTable.of(copy.id);
    }

    /** Revisions are part of the working copy: only those who see it see them. */
    public List<CaseStudyRevision> revisions(UUID id, Caller caller) {
        requireWorkingCopy(id, caller);
        return CaseStudyRevision.of(id);
    }

    public CaseStudyRevision revision(UUID id, long version, Caller caller) {
        requireWorkingCopy(id, caller);
        return CaseStudyRevision.of(id, version)
                .orElseThrow(() -> new NotFound("Case study " + id + " has no revision saved at version " + version
                        + "; its list of revisions names the versions it has"));
    }

    private static void requireWorkingCopy(UUID id, Caller caller) {
        CaseStudy.<CaseStudy>findByIdOptional(id).filter(caseStudy -> caseStudy.isWorkingCopyVisibleTo(caller))
                .orElseThrow(() -> new NotFound("There is no case study " + id));
    }
}
