package dev.casebook.metrics.domain;

import dev.casebook.casestudy.contract.CaseStudyChange;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyPublished;
import dev.casebook.casestudy.contract.ImportedMetric;
import dev.casebook.metrics.contract.Direction;
import dev.casebook.platform.events.IncomingEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link CaseStudy} in step with casestudy-service's events, one method per kind of event. A case study is
 * in analytics from its {@code published} event until {@code unpublished}, {@code archived} or {@code deleted};
 * {@code deleted} also takes its metrics and samples. Any event may be the first one seen (a {@code created}
 * event lost to retention, say): each carries enough to know the case study.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseStudyProjection {

    private static final Logger LOG = Logger.getLogger(CaseStudyProjection.class);

    private final MetricsDesk desk;

    public CaseStudyProjection(MetricsDesk desk) {
        this.desk = desk;
    }

    /** A new case study; one imported from Markdown brings its metrics table, adopted as its first table. */
    public void created(CaseStudyChange change) {
        CaseStudy caseStudy = workingVersion(change);
        if (change.metrics() != null && !change.metrics().isEmpty()) {
            desk.adoptImported(caseStudy, change.metrics().stream().map(CaseStudyProjection::reported).toList());
        }
    }

    /** A new working version (edited, submitted, sent back); what is published stays until the next publish. */
    public CaseStudy workingVersion(CaseStudyChange change) {
        CaseStudy caseStudy = known(change.id());
        caseStudy.slug = change.slug();
        caseStudy.status = change.status().name();
        caseStudy.authorId = change.authorId();
        caseStudy.version = change.version();
        caseStudy.persist();
        return caseStudy;
    }

    /** In analytics from now on, with the title, industry, tech stack and metrics table the public reads. */
    public void published(CaseStudyPublished published) {
        CaseStudy caseStudy = known(published.id());
        CaseStudyDocument document = published.document();
        caseStudy.slug = published.slug();
        caseStudy.status = published.status().name();
        caseStudy.authorId = published.authorId();
        caseStudy.version = published.version();
        caseStudy.published = true;
        caseStudy.title = document == null ? null : document.title();
        caseStudy.industry = document == null || document.client() == null ? null : document.client().industry();
        caseStudy.technologies.clear();
        caseStudy.technologies.addAll(technologies(document == null ? null : document.techStack()));
        caseStudy.persist();
        desk.publish(caseStudy);
        // One line per publication, in the trace of the publish that caused it: where an operator follows one.
        LOG.infof("Case study %s (version %d) is in analytics", published.id(), published.version());
    }

    /** Unpublished or archived: out of analytics, its metrics kept. */
    public void withdrawn(CaseStudyChange change) {
        workingVersion(change).published = false;
    }

    public void deleted(CaseStudyChange change) {
        // The schema cascades: its technologies, metrics table and samples go with it.
        Panache.getEntityManager().createNativeQuery("DELETE FROM case_study WHERE id = :id")
                .setParameter("id", change.id()).executeUpdate();
    }

    private static CaseStudy known(UUID id) {
        CaseStudy caseStudy = CaseStudy.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (caseStudy == null) {
            caseStudy = new CaseStudy();
            caseStudy.id = id;
        }
        return caseStudy;
    }

    private static Set<CaseStudy.Technology> technologies(CaseStudyDocument.TechStack techStack) {
        Set<CaseStudy.Technology> entries = new LinkedHashSet<>();
        if (techStack == null) {
            return entries;
        }
        add(entries, "frontend", techStack.frontend());
        add(entries, "backend", techStack.backend());
        add(entries, "infrastructure", techStack.infrastructure());
        add(entries, "testing", techStack.testing());
        return entries;
    }

    private static void add(Set<CaseStudy.Technology> entries, String layer, List<String> names) {
        for (String name : names == null ? List.<String>of() : names) {
            if (name != null && !name.isBlank()) {
                entries.add(new CaseStudy.Technology(layer, name.strip()));
            }
        }
    }

    // A row whose direction is not one this service knows is left out, like a row a PUT would refuse.
    private static ReportedMetric reported(ImportedMetric row) {
        Direction better = null;
        if (row.better() != null) {
            try {
                better = Direction.valueOf(row.better());
            } catch (IllegalArgumentException e) {
                // Both come from an imported document: printable, so that they cannot forge a log line.
                LOG.warnf("Imported metric %s has a direction this service does not know (%s) and is left out",
                        IncomingEvent.printable(row.name()), IncomingEvent.printable(row.better()));
                return null;
            }
        }
        return new ReportedMetric(row.name(), row.unit(), row.before(), row.after(), better);
    }
}
