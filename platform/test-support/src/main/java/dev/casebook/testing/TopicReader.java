package dev.casebook.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic as another team's service would: a plain consumer in a group of its own, from the earliest
 * offset, so that it sees every event of the run so far. Open one to read the same topic more than once.
 */
public final class TopicReader implements AutoCloseable {

    // After enough records arrived, one more poll this long, so that repeats would show.
    private static final Duration LINGER = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;

    /**
     * @param client the Kafka client settings: bootstrap servers and login; a {@code group.id} there starts the name of
     *               each reader's own group (a login may read only in groups it is granted, such as events-reader.*)
     */
    public TopicReader(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, client.getOrDefault(ConsumerConfig.GROUP_ID_CONFIG, "test") + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} matching records arrived or {@code timeout} passed; never fails by itself. */
    public List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> matching, int count,
                                                     Duration timeout) {
        return read(matching, found -> found.size() >= count, timeout);
    }

    /** Polls until the matching records are {@code enough} or {@code timeout} passed; never fails by itself. */
    public List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> matching,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough,
                                                     Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !enough.test(found)) {
            poll(Duration.ofMillis(200), matching, found);
        }
        poll(LINGER, matching, found);
        return found;
    }

    private void poll(Duration wait, Predicate<ConsumerRecord<String, String>> matching,
                      List<ConsumerRecord<String, String>> found) {
        consumer.poll(wait).forEach(record -> {
            if (matching.test(record)) {
                found.add(record);
            }
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
