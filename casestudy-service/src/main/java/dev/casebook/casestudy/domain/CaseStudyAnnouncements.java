package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyChange;
import dev.casebook.casestudy.contract.CaseStudyEvents;
import dev.casebook.casestudy.contract.CaseStudyPublished;
import dev.casebook.casestudy.contract.ImportedMetric;
import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.platform.events.EventType;
import dev.casebook.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Tells other services what happened to a case study, as the events of its contract ({@link CaseStudyEvents}),
 * through the outbox: in the transaction of the change, so an event exists exactly when the change does.
 */
@ApplicationScoped
class CaseStudyAnnouncements {

    private final Outbox outbox;

    CaseStudyAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    void changed(EventType<CaseStudyChange> type, CaseStudy caseStudy, List<String> changedFields, String comment) {
        outbox.emit(type, change(caseStudy, changedFields, comment, null));
    }

    /** A case study imported from Markdown brings the rows of its metrics table along, for metrics-service. */
    void imported(CaseStudy caseStudy, List<String> sections, List<ImportedMetric> metrics) {
        outbox.emit(CaseStudyEvents.CREATED, change(caseStudy, sections, null, metrics.isEmpty() ? null : metrics));
    }

    /** Subscribers get the whole document and its metrics, so they need not call back to read it. */
    void published(PublishedCaseStudy copy) {
        List<MetricRow> metrics = MetricsTable.of(copy.id).map(table -> table.rows).orElse(List.of());
        outbox.emit(CaseStudyEvents.PUBLISHED, new CaseStudyPublished(copy.id, copy.status, copy.version(), copy.authorId,
                copy.createdAt, copy.updatedAt, copy.publishedAt, metrics, copy.content));
    }

    private static CaseStudyChange change(CaseStudy caseStudy, List<String> changed, String comment, List<ImportedMetric> metrics) {
        return new CaseStudyChange(caseStudy.id, caseStudy.slug, caseStudy.status, caseStudy.version, caseStudy.authorId,
                changed, comment, metrics);
    }
}
