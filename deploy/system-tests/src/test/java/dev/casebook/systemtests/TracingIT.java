package dev.casebook.systemtests;

import dev.casebook.systemtests.TraceCollector.ReceivedSpan;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Records;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One publish with a client's {@code traceparent} is one trace, as an operator's tracing backend shows it: the
 * gateway, casestudy-service's request and its outbox relay, the Kafka record ({@code ce_traceparent}), and
 * metrics-service's projection, each span the child of the one before, with the trace id in the consumer's log line.
 */
@ExtendWith(RunningCasebook.class)
class TracingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void aPublishIsOneTraceFromTheClientThroughKafkaIntoTheProjection() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        String id = author.request().contentType(ContentType.JSON)
                .body(Map.of("title", "Traced end to end", "summary", "One trace from the client to the projection"))
                .post("/api/case-studies").then().statusCode(201).extract().path("id");
        author.request().post("/api/case-studies/" + id + "/submit").then().statusCode(200);

        String traceId = randomHex(16);
        String clientSpan = randomHex(8);
        editor.request().header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .post("/api/case-studies/" + id + "/publish").then().statusCode(200);

        // On the record, for any subscriber to continue.
        ConsumerRecord<String, String> published = RunningCasebook.topics().read("casestudy.events",
                record -> id.equals(record.key()) && "dev.casebook.casestudy.published.v1".equals(Records.type(record)),
                1, PATIENCE).get(0);
        String onRecord = Records.header(published, "ce_traceparent");
        assertTrue(onRecord.startsWith("00-" + traceId + "-"), "ce_traceparent in the client's trace: " + onRecord);

        // In the producer's log line and in the consumer's.
        for (String service : List.of("casestudy-service", "metrics-service")) {
            await().atMost(PATIENCE).until(() -> RunningCasebook.logs().lines().anyMatch(line ->
                    line.startsWith(service) && line.contains("trace=" + traceId) && line.contains("Case study " + id)));
        }

        // In the tracing backend: one chain of spans from the projection back to the client's span (spans arrive
        // in batches, each service's on its own).
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ReceivedSpan> trace = RunningCasebook.traces().trace(traceId);
            ReceivedSpan projection = processing(trace)
                    .orElseThrow(() -> new AssertionError("no processing span in metrics-service yet: "
                            + describe(trace) + "; the collector has " + RunningCasebook.traces().received()));
            List<ReceivedSpan> chain = chainUp(projection, trace);
            assertEquals(clientSpan, chain.get(chain.size() - 1).parentSpanId(),
                    "the chain reaches the client's span: " + describe(chain));
            assertEquals(List.of("metrics-service", "casestudy-service", "gateway"),
                    chain.stream().map(ReceivedSpan::service).distinct().toList(),
                    "the projection, the relay and the request, the gateway: " + describe(chain));
            ReceivedSpan send = chain.get(1);
            assertEquals("send casestudy.events", send.name());
            assertEquals(spanIdOf(onRecord), send.spanId(), "the record names the relay's span");
        });
    }

    /** metrics-service's processing span of the publish, once it was exported. */
    private static Optional<ReceivedSpan> processing(List<ReceivedSpan> trace) {
        return trace.stream()
                .filter(span -> span.service().equals("metrics-service") && span.name().equals("process casestudy.events"))
                .findFirst();
    }

    /** {@code from} and its ancestors in {@code trace}, as far as they were received, child first. */
    private static List<ReceivedSpan> chainUp(ReceivedSpan from, List<ReceivedSpan> trace) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        List<ReceivedSpan> chain = new ArrayList<>();
        for (ReceivedSpan span = from; span != null; span = byId.get(span.parentSpanId())) {
            chain.add(span);
        }
        return chain;
    }

    private static String describe(List<ReceivedSpan> chain) {
        return chain.stream().map(span -> span.service() + ":" + span.kind() + ":" + span.name()).collect(Collectors.joining(" <- "));
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
