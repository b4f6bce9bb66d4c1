package dev.casebook.testing;

import org.eclipse.microprofile.config.ConfigProvider;

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
}
