package dev.casebook.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The test resource every service's tests use: a fresh PostgreSQL and a fresh Kafka broker for each
 * test run, in a temporary directory that is deleted afterwards, so nothing leaks between runs.
 * Init arg {@code kafka=false} leaves the broker out for services that do not use events.
 *
 * <p>The service under test connects to Kafka as its own principal, the one named as its
 * {@code quarkus.application.name} in {@link KafkaAccess}, so its tests meet the ACLs the running stack has; an
 * application that is no Casebook service (the platform's test app) connects as the devstack's super user. The tests'
 * own producers and readers use the super user's settings under {@link DevStack#TEST_KAFKA_PREFIX}.
 */
public class CasebookInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    private boolean withKafka = true;
    private Path directory;
    private DevStack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        withKafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("casebook-test-");
            // Tests always get their own servers: an external database would not start empty.
            stack = DevStack.start(new DevStack.Settings(directory, 0, 0, withKafka, Map.of()));
            broker = stack.kafka();
            Map<String, String> config = new HashMap<>(stack.quarkusConfig(withKafka ? kafkaPrincipal() : null));
            // Services read the key files through ${CASEBOOK_JWT_...} expressions, which config entries satisfy too.
            config.putAll(SigningKeys.inDirectory(directory.resolve("keys")).environment());
            // The first admin of each test run gets a password of its own; none is kept in the repository.
            config.put("CASEBOOK_ADMIN_PASSWORD", Passwords.random(24));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test infrastructure", e);
        }
    }

    // Read from the service's application.properties: test resources start before the application's configuration.
    private static String kafkaPrincipal() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        String application = properties.getProperty("quarkus.application.name", "");
        return KafkaAccess.isPrincipal(application) ? application : null;
    }

    @Override
    public void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            broker = null;
            Directories.deleteQuietly(directory);
        }
    }

    /** The broker of the running test run, for tests that stop it and start it again (same port, same data). */
    public static KafkaBroker kafka() {
        KafkaBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("No Kafka broker: CasebookInfrastructure is not running, or runs with kafka=false");
        }
        return running;
    }
}
