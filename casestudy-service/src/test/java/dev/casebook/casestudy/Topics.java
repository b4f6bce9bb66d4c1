package dev.casebook.casestudy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Kafka as another team's service sees it: plain producers and consumers. */
final class Topics {

    private Topics() {
    }

    /** Every record of {@code topic} matching {@code which}, waiting until {@code expected} arrived (and a second more). */
    static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
                                                     Predicate<ConsumerRecord<String, String>> which, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
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

    /** Sends a CloudEvent in binary mode, as the platform's relay does. */
    static String send(String bootstrapServers, String topic, String key, String type, String data) throws Exception {
        String id = UUID.randomUUID().toString();
        sendRaw(bootstrapServers, topic, key, data, Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type,
                "ce_source", "/casebook/test", "ce_time", Instant.now().toString(), "content-type", "application/json"));
        return id;
    }

    static void sendRaw(String bootstrapServers, String topic, String key, String value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
