package dev.casebook.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SCRAM-SHA-512 login to the broker's client listener, and the ways it is handed on: as the environment a service
 * reads ({@code CASEBOOK_KAFKA_USERNAME}, {@code CASEBOOK_KAFKA_PASSWORD}) or as a Kafka client's properties.
 * Not {@code KAFKA_SASL_...}: Quarkus hands every {@code KAFKA_*} variable to every Kafka client as a setting, and
 * these two are no Kafka settings, only the parts of the services' default {@code kafka.sasl.jaas.config}.
 */
public record KafkaCredentials(String username, String password) {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String USERNAME_VARIABLE = "CASEBOOK_KAFKA_USERNAME";
    public static final String PASSWORD_VARIABLE = "CASEBOOK_KAFKA_PASSWORD";

    /** The JAAS line Kafka clients log in with; the password is letters and digits only, so it needs no escaping. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** What a service's {@code kafka.sasl.jaas.config} default is built from (see platform's shared config). */
    public Map<String, String> environment() {
        return Map.of(USERNAME_VARIABLE, username, PASSWORD_VARIABLE, password);
    }

    /** The properties of a plain Kafka client (producer, consumer, admin) that logs in with this. */
    public Map<String, Object> clientConfig(String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL);
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", jaasConfig());
        return config;
    }

    /**
     * Writes the client properties as a Kafka tool reads them ({@code --command-config}, the benchmark's
     * {@code --client-config}), readable by the owner only.
     */
    public void writeClientProperties(java.nio.file.Path file, String bootstrapServers) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# Kafka login of " + username + ", made at this start of Casebook\n");
        clientConfig(bootstrapServers).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        java.nio.file.Files.writeString(file, text);
        try {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the folder's own permissions apply
        }
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + username + "]"; // never the password, should it reach a log
    }
}
