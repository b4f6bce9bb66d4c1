package dev.casebook.metrics.events;

import dev.casebook.metrics.domain.CaseStudyProjection;
import dev.casebook.platform.events.IdempotentConsumer;
import dev.casebook.platform.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows {@code casestudy.events} into the case-study projection, one record after the other (ordered, so one
 * case study's events apply in the order they happened), each event once. A record that cannot be applied goes
 * to {@code casestudy.events.dlq} (see application.properties).
 */
@ApplicationScoped
public class CaseStudyEventsListener {

    static final String CONSUMER = "case-study-projection";

    private final CaseStudyProjection projection;
    private final IdempotentConsumer consumer;
    private final Retrying retrying;

    public CaseStudyEventsListener(CaseStudyProjection projection, IdempotentConsumer consumer, Retrying retrying) {
        this.projection = projection;
        this.consumer = consumer;
        this.retrying = retrying;
    }

    @Incoming("casestudy-events")
    @Blocking
    public void onCaseStudyEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        projection.read(event).ifPresent(change -> retrying.run("Event " + event.id() + " (" + event.type() + ")",
                () -> consumer.applyOnce(CONSUMER, event, applied -> projection.apply(change))));
    }
}
