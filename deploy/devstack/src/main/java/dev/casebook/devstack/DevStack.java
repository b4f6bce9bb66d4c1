package dev.casebook.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Casebook's infrastructure in one place: PostgreSQL with the {@code casebook} database and a Kafka
 * broker. External servers named in the environment are used as they are; otherwise both are started
 * from Maven Central jars, with their files under one data directory.
 */
public final class DevStack implements AutoCloseable {

    public static final String DB_URL = "CASEBOOK_DB_URL";
    public static final String DB_USERNAME = "CASEBOOK_DB_USERNAME";
    public static final String DB_PASSWORD = "CASEBOOK_DB_PASSWORD";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    /**
     * @param dataDirectory where the embedded servers keep their files
     * @param databasePort  0 for any free port
     * @param kafkaPort     0 for any free port
     * @param withKafka     false for services that do not use events
     * @param environment   where {@link #DB_URL} and {@link #KAFKA_BOOTSTRAP_SERVERS} may name external servers
     */
    public record Settings(Path dataDirectory, int databasePort, int kafkaPort, boolean withKafka,
                           Map<String, String> environment) {
    }

    /** The schemas of the services that keep data, each owned by the service's own role. */
    public static final List<String> SCHEMAS = List.of("auth", "casestudy", "metrics");

    private final Database database;
    private final KafkaBroker kafka;
    private final Map<String, ServiceRoles.Role> roles;
    private final Map<String, KafkaCredentials> kafkaLogins;

    private DevStack(Database database, KafkaBroker kafka, Map<String, ServiceRoles.Role> roles,
                     Map<String, KafkaCredentials> kafkaLogins) {
        this.database = database;
        this.kafka = kafka;
        this.roles = roles;
        this.kafkaLogins = kafkaLogins;
    }

    /** Starts what is not external, both servers at once since each takes a few seconds. */
    public static DevStack start(Settings settings) throws IOException {
        Map<String, String> env = settings.environment();
        CompletableFuture<KafkaBroker> kafka = !settings.withKafka()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startKafka(settings, env));
        Database database;
        try {
            database = env.containsKey(DB_URL)
                    ? Database.external(env.get(DB_URL), env.getOrDefault(DB_USERNAME, "postgres"), env.get(DB_PASSWORD))
                    : Database.embedded(settings.dataDirectory().resolve("postgres"), settings.databasePort());
        } catch (IOException | RuntimeException e) {
            kafka.thenAccept(broker -> {
                if (broker != null) {
                    broker.close();
                }
            });
            throw e;
        }
        try {
            // An embedded database gets a role per service; an external one is used with the credentials given.
            Map<String, ServiceRoles.Role> roles = database.isEmbedded()
                    ? ServiceRoles.make(database.jdbcUrl(), database.username(), database.password(), SCHEMAS)
                    : Map.of();
            KafkaBroker broker = kafka.join();
            // An embedded broker gets its topics, a login per principal and the ACLs; an external one has its own.
            Map<String, KafkaCredentials> logins = broker != null && broker.isEmbedded() ? KafkaAccounts.make(broker) : Map.of();
            return new DevStack(database, broker, roles, logins);
        } catch (CompletionException e) {
            database.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.sql.SQLException e) {
            database.close();
            throw new IOException("Could not make the services' database roles: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            kafka.thenAccept(broker -> {
                if (broker != null) {
                    broker.close();
                }
            });
            database.close();
            throw e;
        }
    }

    private static KafkaBroker startKafka(Settings settings, Map<String, String> env) {
        if (env.containsKey(KAFKA_BOOTSTRAP_SERVERS)) {
            return KafkaBroker.external(env.get(KAFKA_BOOTSTRAP_SERVERS));
        }
        try {
            return KafkaBroker.embedded(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    public Database database() {
        return database;
    }

    /** The broker, or null when started without Kafka. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** The environment variables the services read their connections from. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DB_URL, database.jdbcUrl());
        env.put(DB_USERNAME, database.username());
        env.put(DB_PASSWORD, database.password());
        if (kafka != null) {
            env.put(KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        }
        return env;
    }

    /**
     * The environment of the service that owns {@code schema}: connected as its own role when the database is
     * embedded, with the given credentials otherwise.
     */
    public Map<String, String> environmentFor(String schema) {
        Map<String, String> env = environment();
        ServiceRoles.Role role = roles.get(schema);
        if (role != null) {
            env.put(DB_USERNAME, role.username());
            env.put(DB_PASSWORD, role.password());
        }
        return env;
    }

    /**
     * The environment of the Kafka principal {@code principal} (see {@link KafkaAccess}): its login when the broker is
     * embedded; nothing more otherwise, so that the variables of the runner's own environment apply.
     */
    public Map<String, String> kafkaEnvironmentFor(String principal) {
        return kafkaLogin(principal).map(KafkaCredentials::environment).orElse(Map.of());
    }

    /** The login this stack made for {@code principal}, if the broker is embedded. */
    public java.util.Optional<KafkaCredentials> kafkaLogin(String principal) {
        return java.util.Optional.ofNullable(kafkaLogins.get(principal));
    }

    /** The role the service owning {@code schema} connects as, if this stack made one. */
    public java.util.Optional<ServiceRoles.Role> roleOf(String schema) {
        return java.util.Optional.ofNullable(roles.get(schema));
    }

    /**
     * The same connections as Quarkus configuration, for tests: Kafka as {@code kafkaPrincipal} (see
     * {@link KafkaAccess}), or as the devstack's super user when null, and under {@value #TEST_KAFKA_PREFIX} the super
     * user's client settings, for the tests' own producers and readers.
     */
    public Map<String, String> quarkusConfig(String kafkaPrincipal) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.username());
        config.put("quarkus.datasource.password", database.password());
        if (kafka != null) {
            Map<String, Object> client = kafkaPrincipal == null ? kafka.adminConfig()
                    : kafka.clientConfig(kafkaLogin(kafkaPrincipal).orElseThrow());
            client.forEach((key, value) -> config.put("kafka." + key, String.valueOf(value)));
            kafka.adminConfig().forEach((key, value) -> config.put(TEST_KAFKA_PREFIX + key, String.valueOf(value)));
        } else {
            // No broker, so no access changes to follow: revocation is tested where a broker runs.
            config.put("casebook.access.follow", "false");
        }
        return config;
    }

    /** Where {@link #quarkusConfig} puts the Kafka client settings of the tests' fixtures. */
    public static final String TEST_KAFKA_PREFIX = "casebook.test.kafka.";

    @Override
    public void close() throws IOException {
        if (kafka != null) {
            kafka.close();
        }
        database.close();
    }
}
