package dev.casebook.platform;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from the beginning, as another team's service would. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} matching records arrived or {@code timeout} passed, then a little longer to catch extras. */
    List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        return read(matching, found -> found.size() >= count, timeout);
    }

    /** Polls until the matching records are {@code enough} or {@code timeout} passed, then a little longer to catch extras. */
    List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> matching,
                                              Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !enough.test(found)) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (matching.test(record)) {
                    found.add(record);
                }
            });
        }
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
            if (matching.test(record)) {
                found.add(record);
            }
        });
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
