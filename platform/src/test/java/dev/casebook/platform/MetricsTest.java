package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.EventHandlers;
import dev.casebook.platform.events.EventPipeline;
import dev.casebook.platform.testapp.NoteResource.NoteCreated;
import dev.casebook.testing.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the platform shows on /q/metrics: Prometheus text that parses, with the outbox's and the consumers' meters. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MetricsTest {

    private static final String DEAD_LETTERED = "casebook_events_dead_lettered_total";
    private static final String CONSUMED = "casebook_events_consumed_total";

    @Inject
    EventPipeline pipeline;

    @Test
    void metricsArePrometheusTextWithTheOutboxMeters() {
        PrometheusText metrics = PrometheusText.scrape();
        assertThat(metrics.names(), hasItems("casebook_outbox_backlog", "casebook_outbox_oldest_age_seconds",
                "jvm_memory_used_bytes"));
        assertEquals("gauge", metrics.typeOf("casebook_outbox_backlog"));
        assertEquals(1, metrics.samples("casebook_outbox_backlog").size(), "one backlog per service");
        assertEquals("platform-test", metrics.samples("casebook_outbox_backlog").get(0).labels().get("service"));
    }

    @Test
    void aPoisonRecordRaisesTheDeadLetterCounterOfItsTopicAndReason() {
        String consumer = "metrics-" + UUID.randomUUID();
        EventHandlers handlers = pipeline.register(EventHandlers.of(consumer).on(NoteCreated.TYPE, (note, event) -> {
        }));
        PrometheusText registered = PrometheusText.scrape();
        assertEquals(2, registered.samples(DEAD_LETTERED).stream().filter(s -> consumer.equals(s.labels().get("consumer"))).count(),
                "both reasons are on /q/metrics from the start, at 0");
        double before = registered.value(DEAD_LETTERED, "topic", "notes", "consumer", consumer, "reason", "malformed");
        assertEquals(0, before);

        pipeline.deliver(message(new ConsumerRecord<>("notes", 0, 1, "note-1", "{\"id\": 1, \"text\": \"fine\"}"), true), handlers)
                .toCompletableFuture().join();
        pipeline.deliver(message(new ConsumerRecord<>("notes", 0, 2, "note-1", "not even JSON"), true), handlers)
                .toCompletableFuture().join();
        pipeline.deliver(message(new ConsumerRecord<>("notes", 0, 3, "note-1", "{}"), false), handlers)
                .toCompletableFuture().join();

        PrometheusText after = PrometheusText.scrape();
        assertEquals(before + 2, after.value(DEAD_LETTERED, "topic", "notes", "consumer", consumer, "reason", "malformed"),
                "unreadable data and a record that is no CloudEvent");
        assertEquals(1, after.value(CONSUMED, "topic", "notes", "consumer", consumer), "the good one");
    }

    private static Message<String> message(ConsumerRecord<String, String> record, boolean cloudEvent) {
        if (cloudEvent) {
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", NoteCreated.TYPE.type());
            header(record, "ce_source", NoteCreated.SOURCE);
        }
        return Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, "notes-in")));
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
