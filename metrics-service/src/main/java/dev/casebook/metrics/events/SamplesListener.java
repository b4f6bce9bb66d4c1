package dev.casebook.metrics.events;

import dev.casebook.metrics.domain.SampleIntake;
import dev.casebook.metrics.domain.Samples;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import dev.casebook.platform.events.EventType;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Samples from load-testing tools on {@value #TOPIC}: key = the case study id, value = {@link Samples}. CloudEvents
 * headers are welcome but not needed. A record that cannot be used (not JSON, invalid samples, a case study this
 * service does not know) goes to {@code metrics.samples.dlq}.
 */
@ApplicationScoped
@Startup // made at start, not at the first record, so its meters (pipeline.register) are there from the start
public class SamplesListener {

    static final String TOPIC = "metrics.samples";
    static final String WORKERS = "sample-intake";
    /** Tools outside Casebook write this topic: metrics-service defines what it reads from it. */
    static final EventType<Samples> SAMPLES = EventType.inbound(TOPIC, "dev.casebook.metrics.samples", Samples.class);

    private final EventPipeline pipeline;
    private final EventHandlers handlers;

    public SamplesListener(EventPipeline pipeline, SampleIntake intake) {
        this.pipeline = pipeline;
        this.handlers = pipeline.register(EventHandlers.of("sample-intake")
                .on(SAMPLES, (samples, event) -> intake.addFromStream(caseStudyId(event), samples.samples()))
                .plainRecordsAre(SAMPLES));
    }

    /**
     * Each poll's records in one transaction: a load test sends many small arrays, and a commit each would cost more
     * than their rows. Two polls at a time ({@value #WORKERS} workers): while PostgreSQL copies one in, the next is
     * read and checked. Samples have no order to keep.
     */
    @Incoming("metrics-samples")
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> onSamples(KafkaRecordBatch<String, String> batch) {
        return pipeline.deliverAll(batch, handlers);
    }

    private static UUID caseStudyId(IncomingEvent event) {
        try {
            return UUID.fromString(String.valueOf(event.key()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Record " + event.where() + " needs the case study id as its key, not '" + IncomingEvent.printable(event.key()) + "'");
        }
    }
}
