package dev.casebook.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.TreeMap;

/** The settings of the service under test, as its test resource and application.properties give them. */
public final class Settings {

    private Settings() {
    }

    public static String of(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /** The broker the service under test talks to. */
    public static String kafkaBootstrapServers() {
        return of("kafka.bootstrap.servers");
    }

    /**
     * The Kafka client settings of the tests' own producers and readers, which the test resource gives under
     * {@code casebook.test.kafka.}: the broker's super user, who may write what any service writes (forged events
     * included) and read every topic.
     */
    public static Map<String, Object> kafkaFixtureClient() {
        String prefix = "casebook.test.kafka.";
        Map<String, Object> client = new TreeMap<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith(prefix)) {
                client.put(name.substring(prefix.length()), of(name));
            }
        }
        if (client.isEmpty()) {
            throw new IllegalStateException("No casebook.test.kafka.* settings: does the test run with CasebookInfrastructure and Kafka?");
        }
        return client;
    }
}
