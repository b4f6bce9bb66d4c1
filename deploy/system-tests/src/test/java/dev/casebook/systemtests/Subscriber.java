package dev.casebook.systemtests;

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

/**
 * Reads Casebook's topics as another team's service would: a plain {@link KafkaConsumer} in a group of its
 * own, from the earliest offset, so it sees every event the run produced so far.
 */
final class Subscriber {

    private Subscriber() {
    }

    /**
     * The records of {@code topic} that {@code which} selects, polling until {@code enough} holds for them
     * (then one more poll, so that duplicates would show) or until {@code timeout}; never fails by itself.
     */
    static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> which,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough,
                                                     Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningCasebook.infrastructure().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !enough.test(found)) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (which.test(r)) {
                        found.add(r);
                    }
                });
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (which.test(r)) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String type(ConsumerRecord<?, ?> record) {
        return header(record, "ce_type");
    }

    /** The records without repeats of an event id (delivery is at least once; consumers drop repeats by id). */
    static List<ConsumerRecord<String, String>> distinct(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> byId = new java.util.LinkedHashMap<>();
        records.forEach(r -> byId.putIfAbsent(header(r, "ce_id"), r));
        return new ArrayList<>(byId.values());
    }

    static String describe(List<ConsumerRecord<String, String>> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(r.key()).append(' ').append(type(r)).append(' ').append(header(r, "ce_id")).append('\n'));
        return text.toString();
    }
}
