package dev.casebook.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run as a child JVM so that it can be
 * stopped and started again like a real broker (its log directory and port survive a restart).
 *
 * <p>It trusts no one by default: clients log in with SCRAM-SHA-512 on the client listener (the SCRAM users and their
 * ACLs are {@link KafkaAccounts}' work), and the standard KRaft authorizer denies what no ACL allows. Two super users
 * log in with PLAIN on listeners of their own, with passwords made at every start and written only into this data
 * directory's {@code server.properties}: {@value #CONTROLLER} (the controller and the broker talking to it) and
 * {@value #ADMIN} (inter-broker traffic and the devstack itself: topics, SCRAM users, ACLs, test fixtures). PLAIN,
 * because KRaft keeps SCRAM users in its metadata log, which is no use before there is one; and because it needs
 * nothing formatted in, a data directory from before authentication starts as it is.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** The super user of the controller listener. */
    public static final String CONTROLLER = "controller";
    /** The super user of the admin listener: the devstack's own administration and the tests' fixtures. */
    public static final String ADMIN = "casebook-admin";
    private static final String HOST = "127.0.0.1";

    private final Path directory;
    private final String bootstrapServers;
    private final int port;
    private final int adminPort;
    private final int controllerPort;
    private final String adminPassword = Passwords.random(24);
    private final String controllerPassword = Passwords.random(24);
    private Process process;

    private KafkaBroker(Path directory, String bootstrapServers, int port, int adminPort, int controllerPort) {
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.port = port;
        this.adminPort = adminPort;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code directory} on first use and starts the broker on 127.0.0.1; port 0 picks a free one. */
    public static KafkaBroker embedded(Path directory, int port) throws IOException {
        int brokerPort = port > 0 ? port : FreePorts.next();
        KafkaBroker broker = new KafkaBroker(directory, HOST + ":" + brokerPort, brokerPort, FreePorts.next(), FreePorts.next());
        broker.start();
        return broker;
    }

    /** A broker that runs elsewhere; {@link #stop()} and {@link #start()} do nothing for it. */
    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(null, bootstrapServers, -1, -1, -1);
    }

    /** The client listener, where every service and tool logs in with SCRAM. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A client of the client listener that logs in as {@code credentials}. */
    public Map<String, Object> clientConfig(KafkaCredentials credentials) {
        return credentials.clientConfig(bootstrapServers);
    }

    /**
     * A client of the admin listener, logged in as the super user {@value #ADMIN}: for the devstack's administration
     * and for test fixtures that write what a service would (forged events included). Embedded brokers only.
     */
    public Map<String, Object> adminConfig() {
        if (!isEmbedded()) {
            throw new IllegalStateException("An external broker is administered by its owner; the devstack has no admin login to it");
        }
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + adminPort);
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", plainLogin(ADMIN, adminPassword, false));
        return config;
    }

    public boolean isEmbedded() {
        return directory != null;
    }

    public synchronized void start() throws IOException {
        if (!isEmbedded() || process != null) {
            return;
        }
        Files.createDirectories(directory);
        Path config = writeConfig();
        Path log = directory.resolve("broker.log");
        if (!Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
            runToCompletion(List.of("kafka.tools.StorageTool", "format",
                    "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted"), log);
        }
        process = java(List.of("kafka.Kafka", config.toString()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        awaitReady(log);
    }

    /** Stops the broker process and waits until it is gone; its data stays for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        String host = HOST;
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=CLIENT://" + host + ":" + port + ",ADMIN://" + host + ":" + adminPort
                        + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=CLIENT://" + host + ":" + port + ",ADMIN://" + host + ":" + adminPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,ADMIN:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=ADMIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                // Services and tools: SCRAM users made by KafkaAccounts, kept in the metadata log.
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.admin.sasl.enabled.mechanisms=PLAIN",
                "listener.name.admin.plain.sasl.jaas.config=" + plainLogin(ADMIN, adminPassword, true),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plainLogin(CONTROLLER, controllerPassword, true),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + CONTROLLER + ";User:" + ADMIN,
                "log.dirs=" + directory.resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Topics and their settings are declared in one place, KafkaAccess.TOPICS.
                "auto.create.topics.enable=false",
                "");
        Path config = directory.resolve("server.properties");
        Files.writeString(config, properties);
        ownerOnly(config);
        Path logging = directory.resolve("log4j2.properties");
        Files.writeString(logging, String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "appender.stdout.type=Console",
                "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout",
                "appender.stdout.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                ""));
        return config;
    }

    // As the broker's JAAS line it also names the user it accepts; as a client's, only who logs in.
    private static String plainLogin(String user, String password, boolean server) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\"" + (server ? " user_" + user + "=\"" + password + "\"" : "") + ";";
    }

    // The file holds the super users' passwords of this run.
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }

    private ProcessBuilder java(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(runtimeClasspath());
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("JAVA_TOOL"));
        return builder;
    }

    private void runToCompletion(List<String> mainAndArgs, Path log) throws IOException {
        Process format = java(mainAndArgs)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IOException("Formatting the Kafka log directory failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while formatting Kafka storage", e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = new java.util.HashMap<>(adminConfig());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IOException("Kafka broker exited with code " + process.exitValue() + "; see " + log);
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        stop();
        throw new IOException("Kafka broker not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** The jars of this module's runtime classpath, written at build time by maven-dependency-plugin. */
    private static String runtimeClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing from the devstack jar; rebuild deploy/devstack");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
