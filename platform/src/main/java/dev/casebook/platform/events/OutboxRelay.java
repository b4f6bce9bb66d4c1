package dev.casebook.platform.events;

import dev.casebook.platform.database.SchemaMigrations;
import dev.casebook.platform.database.TransactionLocks;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Publishes outbox rows to Kafka in id order with an idempotent producer ({@code acks=all}), and marks
 * a row published only after the broker acknowledged it. A row the broker has not acknowledged yet stays, and
 * the next run waits for the same send again rather than sending a copy. Consumers see an event at least once and drop
 * repeats by its id. A row the broker refuses for good is parked after a few tries ({@link OutboxParking}), so
 * that one poisoned row does not hold up every event behind it.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final KafkaConnection kafka;
    private final String bootstrapServers;
    private final String source;
    private final String lockName;
    private final Duration sendTimeout;
    private final ManagedExecutor executor;
    private final AtomicBoolean runRequested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile AutoCloseable producerMetrics;
    private volatile boolean brokerUnreachable;
    private final Map<Long, Future<RecordMetadata>> unanswered = new ConcurrentHashMap<>();
    private final SchemaMigrations migrations;
    private final CasebookMeters meters;
    private final EventTracing tracing;
    private final OutboxParking parking;

    public OutboxRelay(KafkaConnection kafka,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       EventSettings events, OutboxSettings outbox, ManagedExecutor executor,
                       @Readiness SchemaMigrations migrations, CasebookMeters meters, EventTracing tracing,
                       OutboxParking parking) {
        this.parking = parking;
        this.migrations = migrations;
        this.tracing = tracing;
        this.meters = meters;
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
        this.source = events.source().orElse("/casebook/" + applicationName);
        this.sendTimeout = outbox.sendTimeout();
        this.executor = executor;
        // Services share one database: each relay locks only its own outbox.
        this.lockName = "casebook-outbox:" + applicationName;
    }

    @Scheduled(every = "${casebook.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        requestRun();
    }

    /**
     * Asks for a run soon. One run at a time: requests made while one runs are merged into one more run after it,
     * so events written during a run are not left for the next poll.
     */
    public void requestRun() {
        if (!migrations.done() || stopping) {
            return; // the outbox table may not exist yet, or the service is stopping
        }
        runRequested.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::runWhileRequested);
        }
    }

    private void runWhileRequested() {
        try {
            while (runRequested.getAndSet(false) && !stopping) {
                publishPending();
            }
        } finally {
            running.set(false);
        }
        // A request that came between the last check and letting go must not wait for the next poll.
        if (runRequested.get() && !stopping && running.compareAndSet(false, true)) {
            executor.execute(this::runWhileRequested);
        }
    }

    /** Publishes what is waiting, batch after batch, until the outbox is empty or a send fails. */
    void publishPending() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == BATCH && !stopping);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Outbox relay run ended early");
        }
    }

    private int publishBatch() {
        if (!TransactionLocks.tryHold(lockName)) {
            return 0; // another instance of this service is relaying
        }
        List<OutboxEvent> events = OutboxEvent.nextUnpublished(BATCH);
        unanswered.keySet().retainAll(events.stream().map(event -> event.id).collect(Collectors.toSet())); // the rest went another way
        if (events.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        boolean producerFailed = false;
        try {
            for (OutboxEvent event : events) {
                sends.add(sendOnce(event));
            }
        } catch (RuntimeException e) {
            // Sends already handed to the producer are still awaited below.
            reportUnreachable(e);
            producerFailed = !(e instanceof RetriableException);
        }
        Instant now = Instant.now();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        int done = 0; // acknowledged or parked
        for (int i = 0; i < sends.size(); i++) {
            OutboxEvent event = events.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                reportUnreachable(e);
                break; // still with the producer, which keeps trying: awaited again on the next run, never sent twice
            } catch (Exception e) {
                unanswered.remove(event.id);
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (!RefusedForGood.is(cause)) {
                    reportUnreachable(e);
                    producerFailed |= !(cause instanceof RetriableException);
                } else if (parking.refused(event, cause, now)) {
                    done++;
                }
                // The rows after it that the broker took are still marked: sending them again would put a second
                // copy behind this row's next try.
                continue;
            }
            unanswered.remove(event.id);
            event.publishedAt = now;
            meters.counter(MeterNames.EVENTS_PUBLISHED, "topic", event.topic).increment();
            done++;
        }
        if (producerFailed) {
            renewProducer();
        }
        if (done == events.size() && brokerUnreachable) {
            brokerUnreachable = false;
            LOG.infof("Kafka at %s is reachable again; outbox events are flowing", bootstrapServers);
        }
        return done == events.size() ? done : 0;
    }

    /**
     * The send of {@code event}: the one still with the producer if an earlier run handed it over and gave up waiting,
     * else a new one. The producer never gives up on a send (its delivery timeout is unbounded) and keeps a
     * partition's records in order, so no later event of a case study can land before an earlier one that is only
     * late; a copy sent beside a send still pending would break that.
     */
    private Future<RecordMetadata> sendOnce(OutboxEvent event) {
        Future<RecordMetadata> pending = unanswered.get(event.id);
        if (pending != null) {
            return pending;
        }
        Future<RecordMetadata> sent = send(event);
        unanswered.put(event.id, sent);
        return sent;
    }

    /** Hands {@code event} to the producer, in a span of the trace that wrote it, which ends when the broker answers. */
    private Future<RecordMetadata> send(OutboxEvent event) {
        ProducerRecord<String, byte[]> record = toRecord(event);
        Span span = tracing.startPublishing(event, record.headers());
        try {
            return producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getMessage());
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            span.end();
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic, event.recordKey,
                event.data.getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, event.eventId.toString());
        header(headers, CloudEventHeaders.TYPE, event.type);
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, event.occurredAt.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.subject != null) {
            header(headers, CloudEventHeaders.SUBJECT, event.subject);
        }
        if (event.requestId != null) {
            header(headers, CloudEventHeaders.REQUEST_ID, event.requestId);
        }
        return record;
    }

    /** The CloudEvents source of every event this service writes: only events its contract says it owns. */
    String source() {
        return source;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void reportUnreachable(Exception e) {
        if (!brokerUnreachable) {
            brokerUnreachable = true;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warnf("Kafka at %s did not acknowledge outbox events (%s); they stay in the outbox and are retried",
                    bootstrapServers, cause.getMessage());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = kafka.clientConfig();
            config.putAll(Map.of(
                    ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + source.replace('/', '-'),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    // Never given up: an expired send followed by a later one that lands would reorder a case study's events.
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE));
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            producerMetrics = meters.bindKafkaClient(producer);
        }
        return producer;
    }

    /**
     * A send that failed for a reason other than the broker's limits (the producer never expires one, so this is
     * not an outage) can leave the producer unusable for good, as a fenced or out-of-sequence idempotent producer
     * is: every later send would fail the same way until a restart. The next run gets a new one; the sends still
     * with the old one are finished first, so that the next run finds their outcome instead of sending copies.
     */
    private void renewProducer() {
        KafkaProducer<String, byte[]> failed = producer;
        if (failed == null) {
            return;
        }
        producer = null;
        failed.close(sendTimeout);
        closeQuietly(producerMetrics);
        LOG.infof("Outbox relay starts a new Kafka producer after a failed send");
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        // Requests have drained by now (quarkus.shutdown.timeout); a batch in flight finishes and commits, so that its
        // rows are marked published here and not sent again by another instance.
        awaitRunFinished(sendTimeout.plusSeconds(1));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            closeQuietly(producerMetrics);
        }
    }

    private static void closeQuietly(AutoCloseable metrics) {
        try {
            if (metrics != null) {
                metrics.close();
            }
        } catch (Exception e) {
            LOG.debugf(e, "Closing the relay's producer meters");
        }
    }

    /** Waits until no run is in progress, for at most {@code limit}; true when none is. */
    boolean awaitRunFinished(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (running.get()) {
            LOG.warnf("Stopping while the outbox relay still waits for the broker; its unacknowledged events stay in the outbox");
            return false;
        }
        return true;
    }
}
