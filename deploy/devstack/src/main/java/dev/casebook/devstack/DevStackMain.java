package dev.casebook.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs PostgreSQL and Kafka for {@code deploy/run-local.sh} until the process is stopped.
 * Writes the connection settings to an env file that the runner hands to the services.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(option(args, "--data-dir", "data")).toAbsolutePath();
        int databasePort = Integer.parseInt(option(args, "--db-port", "15432"));
        int kafkaPort = Integer.parseInt(option(args, "--kafka-port", "19092"));
        Path envFile = Path.of(option(args, "--env-file", dataDirectory.resolve("devstack.env").toString()));

        Files.createDirectories(dataDirectory);
        for (int port : new int[] {databasePort, kafkaPort}) {
            if (FreePorts.inUse(port)) {
                System.err.println("devstack: port " + port + " on 127.0.0.1 is already in use; is Casebook already running?");
                System.exit(2);
            }
        }
        DevStack stack;
        try {
            stack = DevStack.start(new DevStack.Settings(dataDirectory, databasePort, kafkaPort, true, System.getenv()));
        } catch (IOException e) {
            System.err.println("devstack: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (IOException e) {
                System.err.println("devstack: stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "devstack-shutdown"));

        Files.writeString(envFile, toEnvFile(stack.environment()));
        System.out.println("devstack ready: PostgreSQL " + stack.database().jdbcUrl()
                + (stack.database().isEmbedded() ? " (embedded)" : " (external)")
                + ", Kafka " + stack.kafka().bootstrapServers()
                + (stack.kafka().isEmbedded() ? " (embedded)" : " (external)")
                + ", data in " + dataDirectory);
        stopped.await();
    }

    private static String toEnvFile(Map<String, String> env) {
        return env.entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
