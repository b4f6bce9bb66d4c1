package dev.casebook.platform.access;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import dev.casebook.platform.events.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Follows {@value AccessEvents#TOPIC} in every instance of every service and the gateway, so that a revocation
 * holds everywhere within a poll. Each instance reads every partition from the beginning, with no consumer group
 * (a group would share the changes out among instances, and each needs them all); the topic is compacted, so
 * that stays short. The instance is ready once it has read what the topic held when it started: until then it
 * could believe a token revoked before a restart. After that, a broker outage keeps what is known.
 */
@ApplicationScoped
@Readiness
public class AccessChangeFollower implements HealthCheck {

    public static final String CHECK = "access-changes";

    private static final Logger LOG = Logger.getLogger(AccessChangeFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final KafkaConnection kafka;
    private final AccessChangeReader reader;
    private final AccessVersions versions;
    private final AccessSettings settings;
    private final String application;
    private volatile boolean caughtUp;
    private volatile String waitingFor = "not started";
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;

    AccessChangeFollower(KafkaConnection kafka, AccessChangeReader reader,
                         AccessVersions versions, AccessSettings settings,
                         @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafka = kafka;
        this.reader = reader;
        this.versions = versions;
        this.settings = settings;
        this.application = application;
    }

    void start(@Observes StartupEvent started) {
        if (!settings.follow()) {
            LOG.warnf("Not following %s (casebook.access.follow=false): a revoked token holds until it expires", AccessEvents.TOPIC);
            caughtUp = true;
            return;
        }
        Thread follower = new Thread(this::followUntilStopped, "access-changes");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public HealthCheckResponse call() {
        return caughtUp ? HealthCheckResponse.up(CHECK)
                : HealthCheckResponse.named(CHECK).down().withData("waitingFor", waitingFor).build();
    }

    private void followUntilStopped() {
        String lastFailure = null;
        while (!stopping) {
            try (KafkaConsumer<String, String> opened = new KafkaConsumer<>(consumerConfig())) {
                consumer = opened;
                follow(opened);
            } catch (WakeupException e) {
                return; // stopping
            } catch (RuntimeException e) {
                String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                waitingFor = "the broker (" + failure + ")";
                if (!failure.equals(lastFailure)) {
                    LOG.warnf("Cannot read %s (%s); trying again every %d s", AccessEvents.TOPIC, failure,
                            PAUSE_AFTER_FAILURE.toSeconds());
                    lastFailure = failure;
                }
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitionsOf(consumer);
        while (partitions.isEmpty() && !stopping) {
            // No topic yet: auth-service has never revoked anything, so there is nothing to know.
            markCaughtUp("the topic does not exist yet");
            pause();
            partitions = partitionsOf(consumer);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions, API_TIMEOUT);
        waitingFor = "reading " + AccessEvents.TOPIC + " up to where it stood at start";
        while (!stopping) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                reader.read(record).ifPresent(versions::learn);
            }
            if (!caughtUp && endAtStart.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), API_TIMEOUT) >= end.getValue())) {
                markCaughtUp("read " + partitions.size() + " partitions");
            }
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> partitions = consumer.partitionsFor(AccessEvents.TOPIC, API_TIMEOUT);
        return partitions == null ? List.of()
                : partitions.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void markCaughtUp(String how) {
        if (!caughtUp) {
            LOG.infof("Access changes known (%s); following %s", how, AccessEvents.TOPIC);
            caughtUp = true;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "access-changes-" + application);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis());
        return config;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
