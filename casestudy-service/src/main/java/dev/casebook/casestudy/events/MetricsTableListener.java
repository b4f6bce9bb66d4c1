package dev.casebook.casestudy.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.casestudy.domain.MetricRow;
import dev.casebook.casestudy.domain.MetricsTable;
import dev.casebook.platform.events.IdempotentConsumer;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps this service's copy of every case study's metrics table from metrics-service's
 * {@code metrics.updated} events, so case studies show their metrics even while metrics-service is down.
 * A record that cannot be read goes to {@code metrics.events.dlq} (see application.properties).
 */
@ApplicationScoped
public class MetricsTableListener {

    static final String UPDATED = "dev.casebook.metrics.updated.v1";
    private static final Logger LOG = Logger.getLogger(MetricsTableListener.class);
    private static final int ATTEMPTS = 3;

    /** The data of a {@code metrics.updated} event: the whole table. */
    record UpdatedTable(UUID caseStudyId, List<MetricRow> rows, Instant updatedAt) {
    }

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;

    public MetricsTableListener(IdempotentConsumer consumer, ObjectMapper json) {
        this.consumer = consumer;
        this.json = json;
    }

    @Incoming("metrics-tables")
    @Blocking
    public void onMetricsEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!UPDATED.equals(event.type())) {
            return; // other metrics events are not about the table
        }
        UpdatedTable table = read(event);
        for (int attempt = 1; ; attempt++) {
            try {
                consumer.applyOnce("metrics-table-copy", event,
                        applied -> MetricsTable.keepNewest(table.caseStudyId(), table.rows(), table.updatedAt()));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e; // to the dead-letter topic
                }
                LOG.warnf("Keeping the metrics of %s failed (attempt %d of %d): %s", table.caseStudyId(), attempt, ATTEMPTS, e.getMessage());
            }
        }
    }

    private UpdatedTable read(IncomingEvent event) {
        try {
            UpdatedTable table = json.readerFor(UpdatedTable.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
            if (table.caseStudyId() == null || table.rows() == null || table.updatedAt() == null) {
                throw new MalformedEventException("metrics.updated event " + event.id() + " lacks caseStudyId, rows or updatedAt");
            }
            return table;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("metrics.updated event " + event.id() + " is not a metrics table", e);
        }
    }
}
