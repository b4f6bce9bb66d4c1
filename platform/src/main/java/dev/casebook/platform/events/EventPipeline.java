package dev.casebook.platform.events;

import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import dev.casebook.platform.requestid.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The one way every service consumes an event: read the CloudEvent, restore the request id that caused it, read
 * and check its data as the producer's contract record, apply the consumer's handler once (the idempotent
 * consumer), retry with backoff what may pass, and send what cannot be applied to the topic's dead-letter topic
 * with the reason in its {@code dead-letter-reason} header. A listener is then the few lines of its own effect:
 *
 * <pre>{@code
 * @Incoming("metrics-tables") @Blocking
 * public CompletionStage<Void> onMetricsEvent(Message<String> message) {
 *     return pipeline.deliver(message, handlers);
 * }
 * }</pre>
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);
    /** The longest reason a dead letter and the log line about it carry. */
    private static final int MAX_REASON = 2000;
    /** Dead-letter reasons as meters tell them: it can never be applied, or its effect failed every attempt. */
    private static final String MALFORMED = "malformed";
    private static final String RETRIES_EXHAUSTED = "retries-exhausted";

    private final EventData eventData;
    private final IdempotentConsumer idempotent;
    private final EventConsumerSettings settings;
    private final CasebookMeters meters;
    private final EventTracing tracing;

    public EventPipeline(EventData eventData, IdempotentConsumer idempotent, EventSettings settings,
                         CasebookMeters meters, EventTracing tracing) {
        this.meters = meters;
        this.tracing = tracing;
        this.eventData = eventData;
        this.idempotent = idempotent;
        this.settings = settings.consumer();
    }

    /**
     * Registers the consumer's meters ({@code casebook.events.consumed}, {@code .dead.lettered} per topic and reason)
     * at 0 when the listener is made, so they are on /q/metrics, and a rate over them is right, before the first record.
     *
     * @return {@code handlers}
     */
    public EventHandlers register(EventHandlers handlers) {
        for (String topic : handlers.topics()) {
            consumed(topic, handlers);
            deadLettered(topic, handlers, MALFORMED);
            deadLettered(topic, handlers, RETRIES_EXHAUSTED);
        }
        return handlers;
    }

    private Counter consumed(String topic, EventHandlers handlers) {
        return meters.counter(MeterNames.EVENTS_CONSUMED, "topic", topic, "consumer", handlers.consumer());
    }

    private Counter deadLettered(String topic, EventHandlers handlers, String reason) {
        return meters.counter(MeterNames.EVENTS_DEAD_LETTERED, "topic", topic, "consumer", handlers.consumer(), "reason", reason);
    }

    /** Acknowledges the message once its event is applied (or not for this consumer); dead-letters it otherwise. */
    public CompletionStage<Void> deliver(Message<String> message, EventHandlers handlers) {
        ConsumerRecord<String, String> record = recordOf(message);
        try (EventTracing.Processing processing = tracing.startProcessing(record, handlers.consumer())) {
            try {
                apply(record, handlers, true);
                consumed(record.topic(), handlers).increment();
                return message.ack();
            } catch (RuntimeException e) {
                deadLettered(record.topic(), handlers, e instanceof MalformedEventException ? MALFORMED : RETRIES_EXHAUSTED).increment();
                // The reason goes with the record; a sender's mistake needs no stack trace in this service's log. It
                // may quote the record (a parser's message does), so it is made printable first, for the log and the
                // header, and goes without its cause, whose message the dead-letter topic would carry as it is.
                String reason = IncomingEvent.printable(String.valueOf(e.getMessage()), MAX_REASON);
                processing.failed(reason);
                LOG.warnf("%s goes to the dead-letter topic: %s", handlers.consumer(), reason);
                return message.nack(new MalformedEventException(reason));
            }
        }
    }

    /**
     * Applies a polled batch of records in one transaction, one commit for all of them, as a stream of samples needs;
     * each event still takes effect once (the idempotent consumer) and in the trace that published it. If any record
     * fails, nothing of the batch is kept and its records go one at a time through {@link #deliver}, so that the bad
     * one is retried or dead-lettered alone and the others are applied.
     */
    public CompletionStage<Void> deliverAll(KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (KafkaRecord<String, String> message : records) {
                    ConsumerRecord<String, String> record = recordOf(message);
                    try (EventTracing.Processing processing = tracing.startProcessing(record, handlers.consumer())) {
                        try {
                            apply(record, handlers, false);
                        } catch (RuntimeException e) {
                            processing.failed("the batch is applied again one record at a time: "
                                    + IncomingEvent.printable(String.valueOf(e.getMessage()), MAX_REASON));
                            throw e;
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("%s applies a batch of %d records one at a time: %s", handlers.consumer(), records.size(),
                    IncomingEvent.printable(String.valueOf(e.getMessage()), MAX_REASON));
            CompletableFuture<?>[] each = records.stream()
                    .map(record -> deliver(record, handlers).toCompletableFuture()).toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(each);
        }
        records.forEach(record -> consumed(recordOf(record).topic(), handlers).increment());
        return batch.ack();
    }

    /**
     * Applies the record's event with its handler, in the trace that published it, or does nothing for a type
     * {@code handlers} has none for.
     *
     * @throws MalformedEventException when the record can never be applied
     * @throws RuntimeException        the last failure when every attempt failed
     */
    public void handle(ConsumerRecord<String, String> record, EventHandlers handlers) {
        try (EventTracing.Processing processing = tracing.startProcessing(record, handlers.consumer())) {
            try {
                apply(record, handlers, true);
            } catch (RuntimeException e) {
                processing.failed(IncomingEvent.printable(String.valueOf(e.getMessage()), MAX_REASON));
                throw e;
            }
        }
    }

    /** @param retry whether to try a failing effect again; never inside a batch's transaction, which a failure spoils */
    private void apply(ConsumerRecord<String, String> record, EventHandlers handlers, boolean retry) {
        IncomingEvent event = handlers.plainRecords()
                .filter(plain -> record.headers().lastHeader(CloudEventHeaders.TYPE) == null)
                .map(plain -> IncomingEvent.plain(record, plain.type()))
                .orElseGet(() -> IncomingEvent.from(record));
        Optional<EventHandlers.Registered<?>> registered = handlers.forType(event.type());
        if (registered.isEmpty()) {
            if (handlers.ignores(event.type())) {
                return; // an event of the contract this consumer has no use for
            }
            throw new MalformedEventException(event.describe() + " is of a type " + handlers.consumer() + " does not know");
        }
        EventData.requireOwner(event, registered.get().type());
        String previous = RequestIds.current();
        RequestIds.use(event.requestId());
        try {
            Object data = eventData.read(event, registered.get().type());
            Runnable effect = () -> idempotent.applyOnce(handlers.consumer(), event, applied -> registered.get().handle(data, applied));
            if (retry) {
                retrying(event, effect);
            } else {
                effect.run();
            }
        } finally {
            RequestIds.use(previous);
        }
    }

    private void retrying(IncomingEvent event, Runnable effect) {
        long pause = settings.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                effect.run();
                return;
            } catch (MalformedEventException e) {
                throw e; // will never work
            } catch (InvalidInput e) {
                throw new MalformedEventException(event.describe() + " is refused: " + e.getMessage() + ": " + e.errors().stream()
                        .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")), e);
            } catch (RuntimeException e) {
                if (attempt >= settings.attempts()) {
                    throw e;
                }
                LOG.infof("%s failed (attempt %d of %d), trying again in %d ms: %s", event.describe(), attempt,
                        settings.attempts(), pause, IncomingEvent.printable(String.valueOf(e.getMessage()), MAX_REASON));
                sleep(pause);
                pause *= 2;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> recordOf(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("EventPipeline reads Kafka records only"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
