package dev.casebook.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Kafka as another team's service or a load-testing tool uses it: plain producers and consumers on one broker, logged
 * in as the client settings say (the broker lets no one in without a login).
 */
public final class Topics {

    // One producer per broker and login for the whole run: tests that send many records would wait on new connections.
    private static final Map<Map<String, Object>, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private final Map<String, Object> client;

    private Topics(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    /** @param client the Kafka client settings: bootstrap servers and login */
    public static Topics at(Map<String, Object> client) {
        return new Topics(client);
    }

    /** The broker the service under test talks to, as the tests' super user (see {@link Settings#kafkaFixtureClient}). */
    public static Topics ofThisService() {
        return at(Settings.kafkaFixtureClient());
    }

    /** A reader to close, for a test that reads {@code topic} more than once. */
    public TopicReader reader(String topic) {
        return new TopicReader(client, topic);
    }

    /** The records of {@code topic} that {@code which} selects, once {@code count} arrived or {@code timeout} passed. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> which,
                                                     int count, Duration timeout) {
        try (TopicReader reader = reader(topic)) {
            return reader.read(which, count, timeout);
        }
    }

    /** The records of {@code topic} that {@code which} selects, once they are {@code enough} or {@code timeout} passed. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> which,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough,
                                                     Duration timeout) {
        try (TopicReader reader = reader(topic)) {
            return reader.read(which, enough, timeout);
        }
    }

    /** Sends a record with the given headers (name, value, name, value, ...) and waits for the broker's ack. */
    public void send(String topic, String key, String value, String... headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Sends plain records to one partition (by {@code key}) as one batch, as a busy producer does, and waits for the
     * broker's ack: a consumer's poll then brings them all at once, since the broker hands out whole batches.
     */
    public void sendTogether(String topic, String key, List<String> values) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 60_000); // nothing leaves before flush()
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<String, String> batching = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = values.stream()
                    .<Future<?>>map(value -> batching.send(new ProducerRecord<>(topic, key, value))).toList();
            batching.flush();
            for (Future<?> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Sends {@code data} as a CloudEvent of {@code type} from {@code source} in binary mode, as the platform's relay
     * does (the owner's source, or another one for a forgery); returns its id.
     */
    public String sendCloudEvent(String source, String topic, String key, String type, String data) {
        String id = UUID.randomUUID().toString();
        send(topic, key, data, "ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "ce_time", Instant.now().toString(), "content-type", "application/json");
        return id;
    }

    private KafkaProducer<String, String> producer() {
        return PRODUCERS.computeIfAbsent(client, settings -> {
            Map<String, Object> config = new HashMap<>(settings);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        });
    }
}
