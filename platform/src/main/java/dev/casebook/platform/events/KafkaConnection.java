package dev.casebook.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka client of a service reaches the broker and logs in: the SmallRye channels (consumers and their
 * dead-letter producers) and the platform's own clients (the outbox relay's producer, the readiness check's admin
 * client) all take it from the same global {@code kafka.*} configuration, which Quarkus collects as the
 * {@code default-kafka-broker} map, so a managed or Strimzi cluster needs its settings given once.
 *
 * <ul>
 *   <li>{@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}): where the broker is.</li>
 *   <li>{@code kafka.security.protocol} ({@code KAFKA_SECURITY_PROTOCOL}): {@code SASL_PLAINTEXT} by default,
 *       {@code SASL_SSL} for a cluster with TLS.</li>
 *   <li>{@code kafka.sasl.mechanism} ({@code KAFKA_SASL_MECHANISM}): {@code SCRAM-SHA-512} by default.</li>
 *   <li>{@code kafka.sasl.jaas.config} ({@code KAFKA_SASL_JAAS_CONFIG}): the login; by default SCRAM as
 *       {@code CASEBOOK_KAFKA_USERNAME} with {@code CASEBOOK_KAFKA_PASSWORD}.</li>
 *   <li>{@code kafka.ssl.*} ({@code KAFKA_SSL_*}): any TLS setting, such as {@code ssl.truststore.location},
 *       passed on as it is; so is any other {@code kafka.sasl.*} (an OAuth callback handler, say).</li>
 * </ul>
 * The defaults are in platform's {@code microprofile-config.properties}. Every process has one, the gateway too: all
 * follow auth-service's access changes ({@code platform.access}).
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings = new TreeMap<>();

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        // Only what says where and who: the rest of kafka.* (a group id, say) is the channels' business.
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
    }

    /** The settings for a new client, to which it adds its own. */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(settings);
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }
}
