import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The benchmark's Kafka side, run as a single-file source program (java -cp kafka-clients.jar:... KafkaTool.java):
 *
 *   subscribe CLIENT TOPIC             prints "READY" once it reads the end of every partition, then one line per
 *                                      record: "EVENT <epoch ms received> <key> <ce_type>"; runs until killed
 *   produce CLIENT TOPIC KEYS N BATCH  sends N samples for each case study in KEYS (comma-separated) in records of
 *                                      BATCH samples; prints
 *                                      "START <epoch ms>" before the first send and "DONE <epoch ms>" once all are acked
 *
 * CLIENT is a Kafka client properties file: bootstrap.servers and the login. The broker lets no one in without one;
 * run-local.sh writes one per tool principal at every start, data/kafka-clients/events-reader.properties (subscribe)
 * and data/kafka-clients/samples-producer.properties (produce). The topics are declared by the devstack.
 */
public class KafkaTool {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("subscribe")) {
            subscribe(args[1], args[2]);
        } else if (args[0].equals("produce")) {
            produce(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            throw new IllegalArgumentException("subscribe or produce");
        }
    }

    /** The client properties file: where the broker is and who logs in. */
    static Properties client(String file) throws java.io.IOException {
        Properties p = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file))) {
            p.load(in);
        }
        return p;
    }

    static void subscribe(String clientFile, String topic) throws java.io.IOException {
        Properties p = client(clientFile);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            // The topic may not exist yet on a fresh broker: wait for it.
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.isEmpty() && System.currentTimeMillis() < deadline) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
                if (partitions.isEmpty()) {
                    sleep(500);
                }
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " not found");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before saying READY
            System.out.println("READY " + partitions.size());
            System.out.flush();
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Header type = record.headers().lastHeader("ce_type");
                    System.out.println("EVENT " + now + " " + record.key() + " "
                            + (type == null ? "-" : new String(type.value(), StandardCharsets.UTF_8)));
                }
                System.out.flush();
            }
        }
    }

    static void produce(String clientFile, String topic, String key, int n, int batch) throws Exception {
        Properties p = client(clientFile);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        // Build every record first so that the timed part is sending only.
        List<String> values = new ArrayList<>();
        String at = Instant.now().toString();
        for (int sent = 0; sent < n; sent += batch) {
            StringBuilder value = new StringBuilder("[");
            for (int i = sent; i < Math.min(n, sent + batch); i++) {
                if (i > sent) {
                    value.append(',');
                }
                value.append("{\"metric\":\"Response Time\",\"phase\":\"").append(i % 2 == 0 ? "BEFORE" : "AFTER")
                        .append("\",\"value\":").append(20 + (i * 7919L) % 200).append(",\"at\":\"").append(at).append("\"}");
            }
            values.add(value.append(']').toString());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.partitionsFor(topic); // metadata fetched before the clock starts
            System.out.println("START " + System.currentTimeMillis());
            for (String oneKey : key.split(",")) { // several case studies: N samples each
                for (String value : values) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, oneKey, value);
                    record.headers().add("ce_id", ("bench-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
            System.out.println("DONE " + System.currentTimeMillis());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
