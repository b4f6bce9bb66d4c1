package dev.casebook.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A Casebook deployed elsewhere (staging, say), which the system tests use as clients do instead of starting their
 * own: its gateway's URL, an admin's login, and optionally a Kafka login that may read its events (events-reader).
 * The pipeline's "integration-tests" job runs the system tests this way (README "Integration tests against a deployed
 * Casebook").
 *
 * @param kafka Kafka client settings (bootstrap servers and login); empty when none were given
 */
record ExternalCasebook(String url, String adminUsername, String adminPassword, Map<String, Object> kafka) {

    static final String URL = "CASEBOOK_URL";

    /** Set when {@code CASEBOOK_URL} is. */
    static Optional<ExternalCasebook> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Optional<ExternalCasebook> fromEnvironment(Map<String, String> env) {
        String url = env.get(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String password = env.get("CASEBOOK_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(URL + " is set, so the system tests run against " + url
                    + ": set CASEBOOK_ADMIN_PASSWORD (and CASEBOOK_ADMIN_USERNAME unless it is admin) to an admin's login there");
        }
        return Optional.of(new ExternalCasebook(url.replaceAll("/+$", ""),
                env.getOrDefault("CASEBOOK_ADMIN_USERNAME", "admin"), password, kafka(env)));
    }

    /** From a client properties file (CASEBOOK_KAFKA_PROPERTIES), or a SCRAM-SHA-512 login to a bootstrap address. */
    private static Map<String, Object> kafka(Map<String, String> env) {
        Map<String, Object> client = new HashMap<>();
        String file = env.get("CASEBOOK_KAFKA_PROPERTIES");
        if (file != null && !file.isBlank()) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("CASEBOOK_KAFKA_PROPERTIES names " + file + ", which cannot be read", e);
            }
            properties.forEach((key, value) -> client.put(key.toString(), value));
        }
        String bootstrap = env.get("CASEBOOK_KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            client.put("bootstrap.servers", bootstrap);
            client.putIfAbsent("security.protocol", env.getOrDefault("CASEBOOK_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
            client.putIfAbsent("sasl.mechanism", "SCRAM-SHA-512");
            if (env.containsKey("CASEBOOK_KAFKA_USERNAME")) {
                client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + env.get("CASEBOOK_KAFKA_USERNAME") + "\" password=\"" + env.getOrDefault("CASEBOOK_KAFKA_PASSWORD", "") + "\";");
            }
        }
        if (!client.isEmpty()) {
            // each reader's group starts with this: events-reader may read in groups named events-reader.* only
            client.putIfAbsent("group.id", "events-reader.system-tests");
        }
        return Map.copyOf(client);
    }

    /** Why a test that needs more than a client's view is skipped here. */
    String cannot(String what) {
        return "skipped against the Casebook at " + url + " (" + URL + "): this test needs " + what
                + ", which only the stack the system tests start themselves gives";
    }
}
