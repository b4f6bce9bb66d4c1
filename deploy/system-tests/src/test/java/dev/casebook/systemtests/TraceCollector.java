package dev.casebook.systemtests;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Receives the spans the services export over OTLP/HTTP (protobuf), as an OpenTelemetry Collector would, so that a
 * test can read a whole trace back. The services send to it because the stack is started with the standard
 * variables pointing here ({@link #environment()}).
 */
final class TraceCollector implements AutoCloseable {

    /** One span as the collector received it; ids in lowercase hex, {@code parentSpanId} empty for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
    }

    private static final int KEPT_SPANS = 200_000;

    private final HttpServer server;
    private final ConcurrentLinkedDeque<ReceivedSpan> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicInteger exports = new AtomicInteger();

    TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The standard OpenTelemetry variables that send a service's spans here, soon after they end. */
    Map<String, String> environment() {
        return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // Quarkus's own name for the batch delay: the standard variable is in milliseconds, Quarkus's a duration.
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
    }

    /** Every span received so far of trace {@code traceId}. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** What arrived so far, for a failure message: exports and spans per service. */
    String received() {
        return exports.get() + " exports, spans per service: " + spans.stream()
                .collect(java.util.stream.Collectors.groupingBy(ReceivedSpan::service, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    private void receive(HttpExchange exchange) throws IOException {
        exports.incrementAndGet();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            try {
                keep(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
            } catch (RuntimeException | IOException e) {
                // The server would swallow it: say so where the test's output shows it.
                System.out.println("TraceCollector | refused an export: " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // An empty ExportTraceServiceResponse: every span accepted.
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue())
                    .findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> {
                    spans.addLast(new ReceivedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()),
                            hex(span.getParentSpanId()), span.getName(), span.getKind().name()));
                    if (kept.incrementAndGet() > KEPT_SPANS) {
                        spans.pollFirst();
                    }
                });
            }
        }
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
