package dev.casebook.casestudy.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.casebook.casestudy.api.CaseStudyView;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyStatus;
import dev.casebook.casestudy.domain.ImportedMetric;
import dev.casebook.casestudy.domain.PublishedCaseStudy;
import dev.casebook.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Tells other services what happened to a case study, on topic {@value #TOPIC}, keyed by its id so
 * that one case study's events stay in order. Written through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class CaseStudyEvents {

    public static final String TOPIC = "casestudy.events";

    /** What every event but {@code published} carries; {@code authorId} lets subscribers apply ownership rules. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(UUID id, String slug, CaseStudyStatus status, long version, String authorId, List<String> changed,
                         String comment, List<ImportedMetric> metrics) {
    }

    public enum Action {
        CREATED("created"),
        UPDATED("updated"),
        SUBMITTED("submitted"),
        PUBLISHED("published"),
        CHANGES_REQUESTED("changes-requested"),
        UNPUBLISHED("unpublished"),
        ARCHIVED("archived"),
        DELETED("deleted");

        private final String name;

        Action(String name) {
            this.name = name;
        }

        public String type() {
            return "dev.casebook.casestudy." + name + ".v1";
        }
    }

    private final Outbox outbox;

    public CaseStudyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(Action action, CaseStudy caseStudy, List<String> changedFields, String comment) {
        outbox.record(TOPIC, caseStudy.id.toString(), action.type(), caseStudy.slug,
                new Change(caseStudy.id, caseStudy.slug, caseStudy.status, caseStudy.version, caseStudy.authorId,
                        changedFields, comment, null));
    }

    /** A case study imported from Markdown brings the rows of its metrics table along, for metrics-service. */
    public void imported(CaseStudy caseStudy, List<String> sections, List<ImportedMetric> metrics) {
        outbox.record(TOPIC, caseStudy.id.toString(), Action.CREATED.type(), caseStudy.slug,
                new Change(caseStudy.id, caseStudy.slug, caseStudy.status, caseStudy.version, caseStudy.authorId,
                        sections, null, metrics.isEmpty() ? null : metrics));
    }

    /** Subscribers get the whole document, so they need not call back to read it. */
    public void published(PublishedCaseStudy copy) {
        outbox.record(TOPIC, copy.id.toString(), Action.PUBLISHED.type(), copy.slug, CaseStudyView.withMetrics(copy));
    }
}
