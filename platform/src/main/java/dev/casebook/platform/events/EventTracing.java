package dev.casebook.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries a trace across the outbox and Kafka, as the CloudEvents distributed-tracing extension does: the trace
 * context of the work that wrote an event goes into its outbox row, the relay publishes it in a span of that trace
 * and puts that span's context on the record ({@code ce_traceparent}, {@code ce_tracestate}), and every consumer
 * applies it in a span whose parent is the publishing one. One trace then runs from the client's request through
 * the gateway, the writing service, the relay and Kafka into each consumer's effect, and its id is in every log line
 * on the way.
 *
 * <p>The Kafka connector's own tracing is off (platform configuration): it reads only the plain {@code traceparent}
 * header and would start a separate trace for each record.
 */
@ApplicationScoped
public class EventTracing {

    /** The keys Quarkus's OpenTelemetry puts the current span's ids under in the log context. */
    static final String TRACE_ID_LOG_KEY = "traceId";
    static final String SPAN_ID_LOG_KEY = "spanId";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.casebook.events");
    }

    /** Stamps {@code event} with the trace context of the span in progress, if there is one. */
    static void stampCurrent(OutboxEvent event) {
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(Context.current(), fields, Map::put);
        event.traceparent = fields.get("traceparent");
        event.tracestate = fields.get("tracestate");
    }

    /**
     * Starts the span that publishes {@code event}, in the trace that wrote it (a new trace for a row written outside
     * one), and puts its context on the record's {@code headers}. The caller ends it when the broker answered.
     */
    Span startPublishing(OutboxEvent event, Headers headers) {
        Map<String, String> written = new HashMap<>(2);
        if (event.traceparent != null) {
            written.put("traceparent", event.traceparent);
        }
        if (event.tracestate != null) {
            written.put("tracestate", event.tracestate);
        }
        Context parent = W3C.extract(Context.root(), written, MapGetter.INSTANCE);
        Span span = tracer.spanBuilder("send " + event.topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, event.topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(MESSAGE_ID, event.eventId.toString())
                .startSpan();
        W3C.inject(Context.root().with(span), headers, (carrier, name, value) ->
                carrier.add("ce_" + name, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /**
     * Starts {@code consumer}'s processing of {@code record} in the trace that published it and makes it the current
     * span, with its ids in the log context, until the returned work is closed. A record without a (well-formed)
     * {@code ce_traceparent} starts a trace of its own.
     */
    public Processing startProcessing(ConsumerRecord<?, ?> record, String consumer) {
        Context parent = W3C.extract(Context.root(), record.headers(), HeaderGetter.INSTANCE);
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        var builder = tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER_GROUP, consumer);
        if (id != null && id.value() != null) {
            builder.setAttribute(MESSAGE_ID, IncomingEvent.printable(new String(id.value(), StandardCharsets.UTF_8)));
        }
        return new Processing(builder.startSpan());
    }

    /** A consumer's processing of one record: the current span until closed. */
    public static final class Processing implements AutoCloseable {

        private final Span span;
        private final Scope scope;
        private final Object previousTraceId;
        private final Object previousSpanId;

        private Processing(Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
            // Off a Vert.x thread Quarkus does not put the ids in the log context itself.
            this.previousTraceId = MDC.get(TRACE_ID_LOG_KEY);
            this.previousSpanId = MDC.get(SPAN_ID_LOG_KEY);
            SpanContext context = span.getSpanContext();
            MDC.put(TRACE_ID_LOG_KEY, context.getTraceId());
            MDC.put(SPAN_ID_LOG_KEY, context.getSpanId());
        }

        /** Marks the processing failed: the record goes to the dead-letter topic. */
        public void failed(String reason) {
            span.setStatus(StatusCode.ERROR, reason);
        }

        @Override
        public void close() {
            restore(TRACE_ID_LOG_KEY, previousTraceId);
            restore(SPAN_ID_LOG_KEY, previousSpanId);
            scope.close();
            span.end();
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    /** Reads the W3C fields from their CloudEvents headers ({@code traceparent} from {@code ce_traceparent}). */
    private enum HeaderGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false)
                    .map(Header::key)
                    .filter(name -> name.startsWith("ce_"))
                    .map(name -> name.substring(3))
                    .toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader("ce_" + key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
