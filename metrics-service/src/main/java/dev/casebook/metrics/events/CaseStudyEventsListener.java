package dev.casebook.metrics.events;

import dev.casebook.casestudy.contract.CaseStudyEvents;
import dev.casebook.metrics.domain.CaseStudyProjection;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Follows {@code casestudy.events} into the case-study projection, one record after the other (ordered, so one
 * case study's events apply in the order they happened), each event once. An event that cannot be applied goes
 * to {@code casestudy.events.dlq} (see application.properties).
 */
@ApplicationScoped
@Startup // made at start, not at the first record, so its meters (pipeline.register) are there from the start
public class CaseStudyEventsListener {

    static final String CONSUMER = "case-study-projection";

    private final EventPipeline pipeline;
    private final EventHandlers handlers;

    public CaseStudyEventsListener(EventPipeline pipeline, CaseStudyProjection projection) {
        this.pipeline = pipeline;
        this.handlers = pipeline.register(EventHandlers.of(CONSUMER)
                .on(CaseStudyEvents.CREATED, (change, event) -> projection.created(change))
                .on(CaseStudyEvents.UPDATED, (change, event) -> projection.workingVersion(change))
                .on(CaseStudyEvents.SUBMITTED, (change, event) -> projection.workingVersion(change))
                .on(CaseStudyEvents.CHANGES_REQUESTED, (change, event) -> projection.workingVersion(change))
                .on(CaseStudyEvents.PUBLISHED, (published, event) -> projection.published(published))
                .on(CaseStudyEvents.UNPUBLISHED, (change, event) -> projection.withdrawn(change))
                .on(CaseStudyEvents.ARCHIVED, (change, event) -> projection.withdrawn(change))
                .on(CaseStudyEvents.DELETED, (change, event) -> projection.deleted(change)));
    }

    @Incoming("casestudy-events")
    @Blocking
    public CompletionStage<Void> onCaseStudyEvent(Message<String> message) {
        return pipeline.deliver(message, handlers);
    }
}
