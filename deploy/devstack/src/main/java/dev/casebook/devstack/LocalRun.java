package dev.casebook.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code deploy/run-local.sh} runs: PostgreSQL and Kafka, then the four services as separate
 * processes, with one prefixed log stream, until Ctrl-C or SIGTERM stops everything it started.
 */
public final class LocalRun {

    private static final String FIRST_ADMIN_MARKER = "first-admin.created";
    /** Beyond this the ports of one instance would reach the next service's (8080 + 100 * 9 < 9080). */
    private static final int MOST_REPLICAS = 9;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path root = Path.of(value(options, "--root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getenv().getOrDefault("CASEBOOK_DATA_DIR", root.resolve("data").toString()))
                .toAbsolutePath().normalize();
        Files.createDirectories(data);

        FileLock lock = lockOrExplain(data);
        int replicas = replicas(options);
        CasebookServices.Ports ports = CasebookServices.Ports.defaults(replicas);
        int gatewayPort = ports.of(CasebookServices.Service.GATEWAY);
        for (CasebookServices.Service service : CasebookServices.Service.values()) {
            for (int port : ports.all(service)) {
                if (FreePorts.inUse(port)) {
                    fail("port " + port + " (" + service.module() + ") is already in use by another program; stop it first");
                }
            }
        }
        if (options.contains("--clean")) {
            OUT.println("casebook: --clean: deleting " + data.resolve("postgres") + " and " + data.resolve("kafka"));
            Directories.deleteQuietly(data.resolve("postgres"));
            Directories.deleteQuietly(data.resolve("kafka"));
            Files.deleteIfExists(data.resolve(FIRST_ADMIN_MARKER));
        }

        OUT.println("casebook: starting PostgreSQL and Kafka (data in " + data + ")");
        DevStack infrastructure;
        try {
            infrastructure = DevStack.start(new DevStack.Settings(data, 15432, 19092, true, System.getenv()));
        } catch (IOException e) {
            fail("infrastructure did not start: " + e.getMessage());
            return;
        }
        OUT.println("casebook: PostgreSQL " + infrastructure.database().jdbcUrl() + ", Kafka " + infrastructure.kafka().bootstrapServers());
        // Tools outside Casebook (load testers, the benchmark, a subscriber) log in as their principal of KafkaAccess.
        for (String tool : List.of(KafkaAccess.SAMPLES_PRODUCER, KafkaAccess.EVENTS_READER)) {
            Optional<KafkaCredentials> login = infrastructure.kafkaLogin(tool);
            if (login.isPresent()) {
                login.get().writeClientProperties(kafkaClientFile(data, tool), infrastructure.kafka().bootstrapServers());
            }
        }

        Map<String, String> environment = new HashMap<>();
        // What the gateway tells the services clients reach it at: CASEBOOK_PUBLIC_URL, else http://localhost:8080.
        String publicUrl = System.getenv().getOrDefault(CasebookServices.PUBLIC_URL,
                CasebookServices.defaultPublicUrl(ports));
        environment.put(CasebookServices.PUBLIC_URL, publicUrl);
        // Nothing here reads readiness (as a Kubernetes Service does during the shutdown delay), but the gateway
        // lets an idle connection go after 2 s: a stopping instance that waits longer before closing its connections
        // never closes one under a request the gateway is sending, which for a POST would be a 503. Ctrl-C costs 3 s.
        environment.put("CASEBOOK_SHUTDOWN_DELAY", System.getenv().getOrDefault("CASEBOOK_SHUTDOWN_DELAY", "3s"));
        String firstAdminPassword = firstAdminPassword(data);
        if (firstAdminPassword != null) {
            environment.put("CASEBOOK_ADMIN_PASSWORD", firstAdminPassword);
        }
        // A developer restarts the stack often: a JDK 25 or newer, when the machine has one, starts each service from
        // the cache its previous run recorded (JavaRuntime). CASEBOOK_SERVICE_JAVA=current keeps the runner's JDK.
        environment.put(JavaRuntime.VARIABLE, System.getenv().getOrDefault(JavaRuntime.VARIABLE, "auto"));
        JavaRuntime runtime = JavaRuntime.chosen(environment);
        OUT.println("casebook: services run on Java " + runtime.version() + " (" + runtime.home() + ")"
                + (runtime.keepsAotCache() ? startupCacheState(root, runtime) : ""));
        OUT.println("casebook: starting auth-service, casestudy-service, metrics-service, then gateway"
                + (replicas > 1 ? ", " + replicas + " instances of each" : ""));
        CasebookServices services;
        try {
            services = CasebookServices.start(root, infrastructure, SigningKeys.inDirectory(data.resolve("keys")),
                    ports, environment,
                    OUT::println, Duration.ofMinutes(3));
        } catch (IOException e) {
            infrastructure.close();
            fail(e.getMessage());
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: the services first, while the database and Kafka still answer them, then the servers.
        StopAtExit.register("Casebook", () -> {
            OUT.println("casebook: stopping services, Kafka and PostgreSQL");
            services.close();
            try {
                infrastructure.close();
                lock.release();
            } catch (IOException e) {
                OUT.println("casebook: while stopping: " + e.getMessage());
            }
            OUT.println("casebook: stopped; data kept in " + data);
            stopped.countDown();
        });

        String gateway = "http://localhost:" + gatewayPort;
        OUT.println();
        OUT.println("casebook: ready");
        OUT.println("  Gateway     " + gateway);
        OUT.println("  Swagger UI  " + gateway + "/q/swagger-ui");
        if (replicas > 1) {
            for (CasebookServices.Service service : CasebookServices.Service.values()) {
                OUT.printf("  %-11s %s%n", service == CasebookServices.Service.GATEWAY ? "Gateways" : service.module(),
                        String.join(", ", ports.all(service).stream().map(port -> "http://localhost:" + port).toList()));
            }
        }
        if (!services.publicUrl().equals(CasebookServices.defaultPublicUrl(ports))) {
            OUT.println("  Public URL  " + services.publicUrl() + " (CASEBOOK_PUBLIC_URL: what links name)");
        }
        OUT.println("  Data        " + data + " (kept across runs; --clean starts empty)");
        if (infrastructure.kafkaLogin(KafkaAccess.SAMPLES_PRODUCER).isPresent()) {
            OUT.println("  Kafka tools " + kafkaClientFile(data, KafkaAccess.SAMPLES_PRODUCER) + ", "
                    + kafkaClientFile(data, KafkaAccess.EVENTS_READER).getFileName() + " (logins of this run)");
        }
        if (firstAdminPassword != null) {
            OUT.println("  First admin " + System.getenv().getOrDefault("CASEBOOK_ADMIN_USERNAME", "admin") + " / " + firstAdminPassword
                    + "   (shown once: note it now)");
            Files.writeString(data.resolve(FIRST_ADMIN_MARKER), "created " + java.time.Instant.now() + "\n");
        }
        OUT.println("  Stop        Ctrl-C");
        OUT.println();
        stopped.await();
    }

    /** Where a tool finds the Kafka login of {@code principal} for this run. */
    public static Path kafkaClientFile(Path data, String principal) {
        return data.resolve("kafka-clients").resolve(principal + ".properties");
    }

    /**
     * The first admin's password: the one in CASEBOOK_ADMIN_PASSWORD, or on the first start of a data folder
     * a fresh one, shown once. Later starts pass none, since the admin exists by then.
     */
    private static String startupCacheState(Path root, JavaRuntime runtime) {
        boolean recorded = Arrays.stream(CasebookServices.Service.values())
                .allMatch(service -> runtime.hasCache(service.jar(root)));
        return recorded ? ", each starting from its AOT cache"
                : ", recording the services' AOT caches in this run (written when they stop: the next start is faster)";
    }

    private static String firstAdminPassword(Path data) {
        String given = System.getenv("CASEBOOK_ADMIN_PASSWORD");
        if (given != null && !given.isBlank()) {
            return null; // inherited by the services as it is, and never printed
        }
        if (Files.exists(data.resolve(FIRST_ADMIN_MARKER))) {
            return null;
        }
        return Passwords.random(20);
    }

    /** One Casebook per data folder: a second run says so instead of failing on a port. */
    private static FileLock lockOrExplain(Path data) throws IOException {
        Path lockFile = data.resolve("casebook.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock = channel.tryLock();
        Path pidFile = data.resolve("casebook.pid");
        if (lock == null) {
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "unknown";
            fail("Casebook is already running (pid " + pid + ") with data in " + data
                    + "; stop it with Ctrl-C in its terminal or `kill " + pid + "`");
        }
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        return lock;
    }

    /** {@code --replicas N}: instances of each service and of the gateway, 1 to {@link #MOST_REPLICAS}. */
    private static int replicas(List<String> options) {
        String given = value(options, "--replicas", "1");
        try {
            int replicas = Integer.parseInt(given);
            if (replicas >= 1 && replicas <= MOST_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        fail("--replicas takes a number from 1 to " + MOST_REPLICAS + ", not " + given);
        return 1;
    }

    private static void fail(String message) {
        System.err.println("casebook: " + message);
        System.exit(1);
    }

    private static String value(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }
}
