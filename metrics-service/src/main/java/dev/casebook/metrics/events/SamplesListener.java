package dev.casebook.metrics.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.metrics.domain.Sample;
import dev.casebook.metrics.domain.SampleIntake;
import dev.casebook.platform.events.CloudEventHeaders;
import dev.casebook.platform.events.IdempotentConsumer;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import dev.casebook.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Samples from load-testing tools on {@code metrics.samples}: key = the case study id, value = a JSON array of
 * samples or one sample, the same shape as {@code POST /api/metrics/case-studies/{id}/samples}. CloudEvents headers
 * are welcome but not needed. A record that cannot be used (not JSON, invalid samples, a case study this service
 * does not know) goes to {@code metrics.samples.dlq}.
 */
@ApplicationScoped
public class SamplesListener {

    static final String CONSUMER = "sample-intake";
    static final String TYPE = "dev.casebook.metrics.samples";
    private static final int MAX_EVENT_ID = 200; // what processed_event keeps

    private final ObjectMapper json;
    private final SampleIntake intake;
    private final IdempotentConsumer consumer;
    private final Retrying retrying;

    public SamplesListener(ObjectMapper json, SampleIntake intake, IdempotentConsumer consumer, Retrying retrying) {
        this.json = json;
        this.intake = intake;
        this.consumer = consumer;
        this.retrying = retrying;
    }

    @Incoming("metrics-samples")
    @Blocking
    public void onSamples(ConsumerRecord<String, String> record) {
        UUID caseStudyId = caseStudyId(record);
        List<Sample> samples = checked(record);
        IncomingEvent event = new IncomingEvent(eventId(record), TYPE, null, null, null,
                header(record, CloudEventHeaders.REQUEST_ID), record.key(), record.value());
        retrying.run("Samples " + event.id() + " for case study " + caseStudyId,
                () -> consumer.applyOnce(CONSUMER, event, applied -> intake.addFromStream(caseStudyId, samples)));
    }

    /**
     * The record's ce_id when the tool sends one; otherwise its place in the topic, which is what a redelivery
     * of the same record repeats.
     */
    private static String eventId(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id != null && id.length() > MAX_EVENT_ID) {
            throw new MalformedEventException(where(record) + " has a ce_id longer than " + MAX_EVENT_ID + " characters");
        }
        return id != null ? id : record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    private static UUID caseStudyId(ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(String.valueOf(record.key()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(where(record) + " needs the case study id as its key, not '" + record.key() + "'");
        }
    }

    private List<Sample> checked(ConsumerRecord<String, String> record) {
        List<Sample> samples = new ArrayList<>();
        try {
            JsonNode value = json.readTree(record.value() == null ? "" : record.value());
            if (value != null && value.isArray()) {
                for (JsonNode sample : value) {
                    samples.add(json.treeToValue(sample, Sample.class));
                }
            } else if (value != null && value.isObject()) {
                samples.add(json.treeToValue(value, Sample.class));
            } else {
                throw new MalformedEventException(where(record) + " is neither a sample nor an array of samples");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(where(record) + " holds no samples: " + e.getOriginalMessage(), e);
        }
        try {
            return intake.checked(samples);
        } catch (ProblemException e) {
            String problems = e.toProblem(null, null).errors().stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
            throw new MalformedEventException(where(record) + ": " + e.getMessage() + ": " + problems);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return "Record " + record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
