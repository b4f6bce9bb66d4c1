package dev.casebook.platform.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * Reads one record of {@value AccessEvents#TOPIC} as an {@link AccessChange}. A record that is none is skipped with
 * one log line: a verifier cannot dead-letter (it reads without a consumer group), and only auth-service may write
 * the topic, so such a record is a bug to look into, not traffic.
 */
@ApplicationScoped
class AccessChangeReader {

    private static final Logger LOG = Logger.getLogger(AccessChangeReader.class);

    private final ObjectMapper json;
    private final Validator validator;

    AccessChangeReader(ObjectMapper json, Validator validator) {
        // A tolerant reader: members auth-service adds later do not break older verifiers.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    Optional<AccessChange> read(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (!AccessEvents.CHANGED.type().equals(event.type())) {
                return Optional.empty(); // a later kind of event on the topic, for someone else
            }
            if (!AccessEvents.SOURCE.equals(event.source())) {
                LOG.warnf("%s does not come from %s but from %s; skipped", event.describe(), AccessEvents.SOURCE,
                        IncomingEvent.printable(event.source()));
                return Optional.empty();
            }
            AccessChange change = json.readValue(event.data(), AccessChange.class);
            Set<ConstraintViolation<AccessChange>> violations = change == null ? Set.of() : validator.validate(change);
            if (change == null || !violations.isEmpty()) {
                LOG.warnf("%s is no access change (%s); skipped", event.describe(),
                        change == null ? "no data" : violations.iterator().next().getPropertyPath() + " is wrong");
                return Optional.empty();
            }
            return Optional.of(change);
        } catch (MalformedEventException e) {
            LOG.warnf("Skipped a record: %s", e.getMessage());
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped the record at %s/%d@%d: it holds no access change (%s)", record.topic(), record.partition(),
                    record.offset(), IncomingEvent.printable(e.getOriginalMessage()));
        }
        return Optional.empty();
    }
}
