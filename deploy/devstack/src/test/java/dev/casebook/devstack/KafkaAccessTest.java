package dev.casebook.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded broker as a forger meets it: events are written by their owner only, and read by whom the table says. */
class KafkaAccessTest {

    private static Path directory;
    private static DevStack stack;

    @BeforeAll
    static void start() throws Exception {
        directory = Files.createTempDirectory("kafka-access-test-");
        stack = DevStack.start(new DevStack.Settings(directory, 0, 0, true, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
        Directories.deleteQuietly(directory);
    }

    @Test
    void aClientWithoutCredentialsCanNeitherWriteNorRead() {
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> send(anonymous, KafkaAccess.CASESTUDY_EVENTS, "{\"forged\": true}"));
        assertInstanceOf(TimeoutException.class, refused.getCause(), "the SASL listener never lets it in: " + refused.getCause());
        try (KafkaConsumer<String, String> consumer = consumer(anonymous)) {
            assertThrows(TimeoutException.class, () -> consumer.partitionsFor(KafkaAccess.CASESTUDY_EVENTS, Duration.ofSeconds(3)));
        }
    }

    @Test
    void aPrincipalWithoutRightsIsRefusedByTheBroker() throws Exception {
        Map<String, Object> nobody = stack.kafka().clientConfig(KafkaAccounts.withoutRights(stack.kafka(), "forger"));
        for (String topic : List.of(KafkaAccess.CASESTUDY_EVENTS, KafkaAccess.METRICS_EVENTS)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> send(nobody, topic, "{\"forged\": true}"));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), topic + ": " + refused.getCause());
        }
        try (KafkaConsumer<String, String> consumer = consumer(nobody)) {
            consumer.assign(List.of(new TopicPartition(KafkaAccess.CASESTUDY_EVENTS, 0)));
            assertThrows(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aServiceWritesItsOwnTopicOnly() throws Exception {
        Map<String, Object> casestudy = stack.kafka().clientConfig(stack.kafkaLogin(KafkaAccess.CASESTUDY_SERVICE).orElseThrow());
        assertNotNull(send(casestudy, KafkaAccess.CASESTUDY_EVENTS, "{}"), "its own topic");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> send(casestudy, KafkaAccess.METRICS_EVENTS, "{\"version\": 999999}"));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), String.valueOf(refused.getCause()));
    }

    @Test
    void aServiceReadsInItsOwnConsumerGroupOnly() {
        Map<String, Object> metrics = new HashMap<>(stack.kafka().clientConfig(stack.kafkaLogin(KafkaAccess.METRICS_SERVICE).orElseThrow()));
        metrics.put(ConsumerConfig.GROUP_ID_CONFIG, "someone-elses-group");
        try (KafkaConsumer<String, String> consumer = consumer(metrics)) {
            consumer.subscribe(List.of(KafkaAccess.CASESTUDY_EVENTS));
            assertThrows(GroupAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void theBrokerHasExactlyTheDeclaredTopicsWithTheirPartitionsAndSettings() throws Exception {
        try (Admin admin = Admin.create(stack.kafka().adminConfig())) {
            Set<String> declared = KafkaAccess.TOPICS.stream().map(KafkaAccess.Topic::name).collect(Collectors.toSet());
            assertEquals(Set.of("casestudy.events", "metrics.events", "metrics.samples", "auth.events",
                    "casestudy.events.dlq", "metrics.events.dlq", "metrics.samples.dlq"), declared);
            assertEquals(declared, admin.listTopics().names().get(30, TimeUnit.SECONDS), "no topic more, none less");

            Map<String, TopicDescription> topics = admin.describeTopics(declared).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = declared.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (KafkaAccess.Topic topic : KafkaAccess.TOPICS) {
                assertEquals(3, topics.get(topic.name()).partitions().size(), topic.name());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                assertEquals(topic.cleanupPolicy(), config.get("cleanup.policy").value(), topic.name());
                if (topic.retention().isPresent()) {
                    assertEquals(String.valueOf(topic.retention().get().toMillis()), config.get("retention.ms").value(),
                            topic.name());
                }
            }
            Config auth = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, KafkaAccess.AUTH_EVENTS));
            assertEquals("compact", auth.get("cleanup.policy").value(), "the latest access change of each user stays");
            Config samples = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, KafkaAccess.METRICS_SAMPLES));
            assertEquals(String.valueOf(Duration.ofDays(1).toMillis()), samples.get("retention.ms").value());

            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            assertEquals("false", admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker)
                    .get("auto.create.topics.enable").value());
        }
    }

    @Test
    void aTopicNoOneDeclaredIsNotCreatedByWritingToIt() throws Exception {
        // As the super user, whom no ACL stops: only the broker's auto.create.topics.enable=false does.
        Map<String, Object> superUser = stack.kafka().adminConfig();
        assertThrows(Exception.class, () -> send(superUser, "casestudy.evnets", "{}"));
        try (Admin admin = Admin.create(stack.kafka().adminConfig())) {
            assertFalse(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("casestudy.evnets"));
        }
    }

    @Test
    void theReadmesTopicsTableIsThisDescription() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        for (KafkaAccess.Topic topic : KafkaAccess.TOPICS) {
            String row = "| `" + topic.name() + "` | " + topic.partitions() + " | " + topic.key() + " | ";
            assertTrue(readme.contains(row), "README lists " + row);
            String line = readme.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            String retention = topic.retention().map(d -> topic.cleanupPolicy() + ", " + d.toDays() + " day" + (d.toDays() == 1 ? "" : "s"))
                    .orElse(topic.cleanupPolicy());
            assertTrue(line.contains("| " + retention), line + " says " + retention);
            String writers = String.join(", ", topic.writers());
            String readers = topic.readers().isEmpty() ? "operators" : String.join(", ", topic.readers());
            assertTrue(line.endsWith("| " + writers + " | " + readers + " |"), line + " names " + writers + " and " + readers);
        }
    }

    @Test
    void theStrimziTopicsAreThisDescription() throws Exception {
        String manifests = Files.readString(Path.of("../kubernetes/base/kafka/topics.yaml"));
        List<String> documents = List.of(manifests.split("\n---\n"));
        assertEquals(KafkaAccess.TOPICS.size(), documents.size() - 1, "one KafkaTopic per topic, after the header");
        for (KafkaAccess.Topic topic : KafkaAccess.TOPICS) {
            String document = documents.stream().filter(d -> d.contains("  topicName: " + topic.name() + "\n"))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name()));
            assertTrue(document.contains("  partitions: " + topic.partitions() + "\n"), document);
            assertTrue(document.contains("    cleanup.policy: " + topic.cleanupPolicy()), document);
            topic.retention().ifPresentOrElse(
                    retention -> assertTrue(document.contains("    retention.ms: \"" + retention.toMillis() + "\""), document),
                    () -> assertFalse(document.contains("retention.ms"), document));
        }
    }

    @Test
    void eachTopicSaysWhoWritesAndReadsIt() {
        Map<String, KafkaAccess.Topic> topics = KafkaAccess.TOPICS.stream()
                .collect(Collectors.toMap(KafkaAccess.Topic::name, topic -> topic));
        assertEquals(List.of(KafkaAccess.CASESTUDY_SERVICE), topics.get(KafkaAccess.CASESTUDY_EVENTS).writers());
        assertEquals(List.of(KafkaAccess.METRICS_SERVICE, KafkaAccess.EVENTS_READER), topics.get(KafkaAccess.CASESTUDY_EVENTS).readers());
        assertEquals(List.of(KafkaAccess.METRICS_SERVICE), topics.get("casestudy.events.dlq").writers());
        assertEquals(List.of(KafkaAccess.AUTH_SERVICE, KafkaAccess.CASESTUDY_SERVICE, KafkaAccess.METRICS_SERVICE,
                KafkaAccess.GATEWAY), topics.get(KafkaAccess.AUTH_EVENTS).readers());
    }

    private static Object send(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "case-study-1", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
