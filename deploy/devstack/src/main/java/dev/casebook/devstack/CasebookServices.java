package dev.casebook.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The four packaged Casebook services as separate processes, one or more instances of each, wired to one
 * {@link DevStack}: the three domain services first, then the gateway in front of them, which balances across
 * their instances.
 */
public final class CasebookServices implements AutoCloseable {

    public enum Service {
        AUTH("auth-service", 8081, "auth"),
        CASESTUDY("casestudy-service", 8082, "casestudy"),
        METRICS("metrics-service", 8083, "metrics"),
        GATEWAY("gateway", 8080, null);

        private final String module;
        private final int defaultPort;
        private final String schema;

        Service(String module, int defaultPort, String schema) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.schema = schema;
        }

        /** The schema it owns, or null for the gateway, which keeps no data. */
        public String schema() {
            return schema;
        }

        public String module() {
            return module;
        }

        public Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /**
     * The ports each service's instances listen on: the first instance's first. The defaults are 8080 to 8083 for
     * the first instance of each, and 100 more for each further one (8180 to 8183, 8280 to 8283, ...).
     */
    public record Ports(Map<Service, List<Integer>> byService) {

        /** The step between one instance's default port and the next one's. */
        public static final int REPLICA_STEP = 100;

        public static Ports defaults() {
            return defaults(1);
        }

        public static Ports defaults(int replicas) {
            Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                List<Integer> own = new ArrayList<>();
                for (int replica = 0; replica < replicas; replica++) {
                    own.add(service.defaultPort + replica * REPLICA_STEP);
                }
                ports.put(service, List.copyOf(own));
            }
            return new Ports(ports);
        }

        public static Ports free() {
            return free(1);
        }

        public static Ports free(int replicas) {
            Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                List<Integer> own = new ArrayList<>();
                for (int replica = 0; replica < replicas; replica++) {
                    own.add(FreePorts.next());
                }
                ports.put(service, List.copyOf(own));
            }
            return new Ports(ports);
        }

        /** The first instance's port. */
        public int of(Service service) {
            return byService.get(service).get(0);
        }

        public List<Integer> all(Service service) {
            return byService.get(service);
        }

        public int replicas() {
            return byService.get(Service.GATEWAY).size();
        }
    }

    private static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m");

    /** The services' JVM options, in place of the defaults. */
    public static final String JAVA_OPTIONS = "CASEBOOK_JAVA_OPTS";
    /** JVM options added after the defaults (or {@link #JAVA_OPTIONS}), so that a caller need not repeat them. */
    public static final String EXTRA_JAVA_OPTIONS = "CASEBOOK_EXTRA_JAVA_OPTS";

    /** Where clients reach the gateway, which the services' absolute links (Location, Link) name. */
    public static final String PUBLIC_URL = "CASEBOOK_PUBLIC_URL";

    private final Map<Service, List<ServiceProcess>> processes;
    private final String publicUrl;
    private final Path repositoryRoot;
    private final JavaRuntime runtime;
    private final List<String> javaOptions;
    private final Consumer<String> log;

    private CasebookServices(Map<Service, List<ServiceProcess>> processes, String publicUrl, Path repositoryRoot,
                             JavaRuntime runtime, List<String> javaOptions, Consumer<String> log) {
        this.processes = processes;
        this.publicUrl = publicUrl;
        this.repositoryRoot = repositoryRoot;
        this.runtime = runtime;
        this.javaOptions = javaOptions;
        this.log = log;
    }

    /**
     * Starts every instance of all four and waits until each is ready.
     *
     * @param keys             the pair auth-service signs tokens with
     * @param extraEnvironment more settings for every service, such as the first admin's password or
     *                         {@link #PUBLIC_URL} (by default {@link #defaultPublicUrl the gateway's local address});
     *                         {@link JavaRuntime#VARIABLE} there chooses the JDK (by default the caller's own)
     * @param log              receives every line the services print, prefixed with the service name
     */
    public static CasebookServices start(Path repositoryRoot, DevStack infrastructure, SigningKeys keys, Ports ports,
                                         Map<String, String> extraEnvironment, Consumer<String> log,
                                         Duration readyTimeout) throws IOException {
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.putAll(keys.environment());
        environment.putAll(extraEnvironment);
        for (Service downstream : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS)) {
            // The gateway balances across every instance of the service (its route url lists them all).
            environment.put(urlVariable(downstream), String.join(",",
                    ports.all(downstream).stream().map(port -> "http://127.0.0.1:" + port).toList()));
        }
        // Every service verifies tokens against auth-service's published keys.
        environment.put("CASEBOOK_JWKS_URL", "http://127.0.0.1:" + ports.of(Service.AUTH) + "/api/auth/jwks");
        // The services' links name the address clients use; unless told otherwise, the gateway's local one.
        environment.putIfAbsent(PUBLIC_URL, defaultPublicUrl(ports));
        List<String> javaOptions = javaOptions(extraEnvironment);
        JavaRuntime runtime = JavaRuntime.chosen(extraEnvironment);
        Map<Service, List<ServiceProcess>> processes = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> own = new HashMap<>(environment);
            own.putAll(connectionsOf(service, infrastructure));
            own.putAll(extraEnvironment);
            if (service.schema() == null) {
                // The gateway keeps no data: it gets no database credentials at all.
                own.remove(DevStack.DB_USERNAME);
                own.remove(DevStack.DB_PASSWORD);
            }
            List<ServiceProcess> instances = new ArrayList<>();
            List<Integer> instancePorts = ports.all(service);
            for (int replica = 0; replica < instancePorts.size(); replica++) {
                instances.add(new ServiceProcess(instanceName(service, replica), service.jar(repositoryRoot),
                        instancePorts.get(replica), own, javaOptions, runtime, replica == 0, log));
            }
            processes.put(service, List.copyOf(instances));
        }
        CasebookServices services = new CasebookServices(processes, environment.get(PUBLIC_URL), repositoryRoot, runtime,
                javaOptions, log);
        try {
            services.startAndAwait(List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS), readyTimeout);
            services.startAndAwait(List.of(Service.GATEWAY), readyTimeout);
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /**
     * What {@code service} connects with: the database as its own role (none for the gateway) and Kafka as its own
     * principal, named as its module is (see {@link KafkaAccess}).
     */
    public static Map<String, String> connectionsOf(Service service, DevStack infrastructure) {
        Map<String, String> connections = new HashMap<>(service.schema() == null ? infrastructure.environment()
                : infrastructure.environmentFor(service.schema()));
        connections.putAll(infrastructure.kafkaEnvironmentFor(service.module()));
        return connections;
    }

    /** The gateway's local address, as the gateway itself defaults to it: {@code http://localhost:<port>}. */
    public static String defaultPublicUrl(Ports ports) {
        return "http://localhost:" + ports.of(Service.GATEWAY);
    }

    /** How the log names an instance: {@code casestudy-service}, then {@code casestudy-service-2}, ... */
    public static String instanceName(Service service, int replica) {
        return replica == 0 ? service.module() : service.module() + "-" + (replica + 1);
    }

    /** The variable through which the gateway finds a downstream's instances, such as {@code CASEBOOK_CASESTUDY_URL}. */
    public static String urlVariable(Service downstream) {
        return "CASEBOOK_" + downstream.name() + "_URL";
    }

    private static List<String> javaOptions(Map<String, String> environment) {
        String custom = environment.getOrDefault(JAVA_OPTIONS, System.getenv(JAVA_OPTIONS));
        List<String> options = new ArrayList<>(custom == null || custom.isBlank() ? DEFAULT_JAVA_OPTIONS : split(custom));
        String extra = environment.getOrDefault(EXTRA_JAVA_OPTIONS, System.getenv(EXTRA_JAVA_OPTIONS));
        if (extra != null && !extra.isBlank()) {
            options.addAll(split(extra));
        }
        return options;
    }

    private static List<String> split(String options) {
        return List.of(options.trim().split("\\s+"));
    }

    private void startAndAwait(List<Service> services, Duration readyTimeout) throws IOException {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (Service service : services) {
            for (ServiceProcess process : processes.get(service)) {
                process.start();
                ready.add(CompletableFuture.runAsync(() -> {
                    try {
                        process.awaitReady(readyTimeout);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }));
            }
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The first instance of {@code service}. */
    public ServiceProcess get(Service service) {
        return processes.get(service).get(0);
    }

    /** Every instance of {@code service}, the first one first. */
    public List<ServiceProcess> instances(Service service) {
        return processes.get(service);
    }

    public String gatewayUrl() {
        return get(Service.GATEWAY).url();
    }

    /** Where clients reach Casebook as the gateway tells the services ({@link #PUBLIC_URL}). */
    public String publicUrl() {
        return publicUrl;
    }

    /** Stops the gateways first so that no request reaches a service that is going away. */
    @Override
    public void close() {
        stopAll(processes.get(Service.GATEWAY));
        List<ServiceProcess> services = new ArrayList<>();
        for (Service service : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS)) {
            services.addAll(processes.get(service));
        }
        stopAll(services);
        createRecordedStartupCaches();
    }

    // What each service loaded was written as it exited; its cache is made from that once, for its next starts.
    private void createRecordedStartupCaches() {
        List<Path> recorded = Arrays.stream(Service.values()).map(service -> service.jar(repositoryRoot))
                .filter(runtime::hasRecording).toList();
        if (recorded.isEmpty()) {
            return;
        }
        log.accept("casebook: making the services' start-up caches from this run (once after a build)");
        CompletableFuture.allOf(recorded.stream().map(jar -> CompletableFuture.runAsync(() -> {
            try {
                runtime.createCache(jar, javaOptions);
            } catch (IOException e) {
                log.accept("casebook: no start-up cache this time: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).toArray(CompletableFuture[]::new)).join();
    }

    private static void stopAll(List<ServiceProcess> instances) {
        CompletableFuture.allOf(instances.stream().map(process -> CompletableFuture.runAsync(process::stop))
                .toArray(CompletableFuture[]::new)).join();
    }
}
