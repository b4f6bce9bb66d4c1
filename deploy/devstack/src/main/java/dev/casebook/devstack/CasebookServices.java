package dev.casebook.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The four packaged Casebook services as separate processes, wired to one {@link DevStack}: the three
 * domain services first, then the gateway in front of them.
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

    /** The ports the services listen on. */
    public record Ports(Map<Service, Integer> byService) {

        public static Ports defaults() {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, service.defaultPort);
            }
            return new Ports(ports);
        }

        public static Ports free() {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, FreePorts.next());
            }
            return new Ports(ports);
        }

        public int of(Service service) {
            return byService.get(service);
        }
    }

    private static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m");

    /** Where clients reach the gateway, which the services' absolute links (Location, Link) name. */
    public static final String PUBLIC_URL = "CASEBOOK_PUBLIC_URL";

    private final Map<Service, ServiceProcess> processes;
    private final String publicUrl;

    private CasebookServices(Map<Service, ServiceProcess> processes, String publicUrl) {
        this.processes = processes;
        this.publicUrl = publicUrl;
    }

    /**
     * Starts all four and waits until each is ready.
     *
     * @param keys             the pair auth-service signs tokens with
     * @param extraEnvironment more settings for every service, such as the first admin's password or
     *                         {@link #PUBLIC_URL} (by default {@link #defaultPublicUrl the gateway's local address})
     * @param log              receives every line the services print, prefixed with the service name
     */
    public static CasebookServices start(Path repositoryRoot, DevStack infrastructure, SigningKeys keys, Ports ports,
                                         Map<String, String> extraEnvironment, Consumer<String> log,
                                         Duration readyTimeout) throws IOException {
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.putAll(keys.environment());
        environment.putAll(extraEnvironment);
        for (Service downstream : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS)) {
            environment.put(urlVariable(downstream), "http://127.0.0.1:" + ports.of(downstream));
        }
        // Every service verifies tokens against auth-service's published keys.
        environment.put("CASEBOOK_JWKS_URL", "http://127.0.0.1:" + ports.of(Service.AUTH) + "/api/auth/jwks");
        // The services' links name the address clients use; unless told otherwise, the gateway's local one.
        environment.putIfAbsent(PUBLIC_URL, defaultPublicUrl(ports));
        List<String> javaOptions = javaOptions(extraEnvironment);
        Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> own = new HashMap<>(environment);
            own.putAll(connectionsOf(service, infrastructure));
            own.putAll(extraEnvironment);
            if (service.schema() == null) {
                // The gateway keeps no data: it gets no database credentials at all.
                own.remove(DevStack.DB_USERNAME);
                own.remove(DevStack.DB_PASSWORD);
            }
            processes.put(service, new ServiceProcess(service.module(), service.jar(repositoryRoot),
                    ports.of(service), own, javaOptions, log));
        }
        CasebookServices services = new CasebookServices(processes, environment.get(PUBLIC_URL));
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

    /** The variable through which the gateway finds a downstream, such as {@code CASEBOOK_CASESTUDY_URL}. */
    public static String urlVariable(Service downstream) {
        return "CASEBOOK_" + downstream.name() + "_URL";
    }

    private static List<String> javaOptions(Map<String, String> environment) {
        String custom = environment.getOrDefault("CASEBOOK_JAVA_OPTS", System.getenv("CASEBOOK_JAVA_OPTS"));
        return custom == null || custom.isBlank() ? DEFAULT_JAVA_OPTIONS : List.of(custom.trim().split("\\s+"));
    }

    private void startAndAwait(List<Service> services, Duration readyTimeout) throws IOException {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (Service service : services) {
            ServiceProcess process = processes.get(service);
            process.start();
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    process.awaitReady(readyTimeout);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    public ServiceProcess get(Service service) {
        return processes.get(service);
    }

    public String gatewayUrl() {
        return processes.get(Service.GATEWAY).url();
    }

    /** Where clients reach Casebook as the gateway tells the services ({@link #PUBLIC_URL}). */
    public String publicUrl() {
        return publicUrl;
    }

    /** Stops the gateway first so that no request reaches a service that is going away. */
    @Override
    public void close() {
        processes.get(Service.GATEWAY).stop();
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service service : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS)) {
            stopping.add(CompletableFuture.runAsync(processes.get(service)::stop));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }
}
