package dev.casebook.gateway;

import dev.casebook.devstack.DevStack;
import dev.casebook.devstack.KafkaAccess;
import dev.casebook.devstack.KafkaAccounts;
import dev.casebook.devstack.KafkaBroker;
import dev.casebook.devstack.SigningKeys;
import dev.casebook.platform.problem.AddressRefusal;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Small real HTTP servers standing in for the services behind the gateway, one per route, each
 * behaving as its init argument says:
 * <ul>
 *   <li>{@code echo}: answers every request with what it received (service, method, path, query,
 *       headers, body), {@code .../refuse} with a 401 problem of its own, {@code .../cached} as a public read
 *       (ETag {@value #CACHED_ETAG}, Cache-Control, and 304 to an If-None-Match that names it), {@code .../hang-up} by
 *       closing the connection ({@code .../hang-up-once/{name}} only the first time for each name), {@code .../refuse-address...}
 *       with a 429 that refuses the client's address for {@value #ADDRESS_REFUSAL_SECONDS} s and
 *       {@code .../refuse-username...} with one that does not, echoes the request id as Casebook services do, serves a small
 *       {@code /q/openapi} (src/test/resources/stand-ins), and is ready; auth also serves the test run's
 *       JWK set at {@code /api/auth/jwks}, where the gateway fetches it;</li>
 *   <li>{@code slow}: answers everything but readiness only after {@link #SLOW_ANSWER_SECONDS} s, and says it is not ready;</li>
 *   <li>{@code unreachable}: nothing listens on its port (until a test brings it {@link StandIns#up up}, as echo).</li>
 * </ul>
 * Tests steer them through a control server ({@link StandIns}): take one down and bring it back on the same
 * port, make it hang, count what reached it, publish another signing key. Init arg {@code instances=2} gives every
 * service a second instance, an echo steered as {@code <service>-2}.
 *
 * <p>The test run's signing keys ({@link SigningKeys}) are made here, and their settings returned as config.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static final String[] SERVICES = {"auth", "case-studies", "metrics"};
    static final int SLOW_ANSWER_SECONDS = 10;
    static final String CONTROL_URL = "casebook.test.stand-ins";
    static final String CACHED_ETAG = "\"7\"";
    static final String REFUSAL = "{\"type\":\"https://casebook.dev/problems/unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"The token has expired\",\"instance\":\"/api/auth/refuse\",\"stub\":true}";

    static final int ADDRESS_REFUSAL_SECONDS = 2;

    private final Map<String, String> behaviours = new HashMap<>();
    private final Map<String, StandIn> standIns = new ConcurrentHashMap<>();
    private final JsonArray publishedKeys = new JsonArray();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private Vertx vertx;
    private Path keyDirectory;
    private SigningKeys keys;
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        behaviours.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        try {
            keyDirectory = Files.createTempDirectory("casebook-gateway-keys");
            keys = SigningKeys.inDirectory(keyDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.putAll(keys.environment());
        for (String service : SERVICES) {
            StandIn standIn = new StandIn(service, service, behaviours.getOrDefault(service, "echo"));
            standIns.put(service, standIn);
            String url = "http://127.0.0.1:" + standIn.port;
            if ("2".equals(behaviours.get("instances"))) {
                // A second instance of the service, steered as "<service>-2".
                StandIn second = new StandIn(service + "-2", service, "echo");
                standIns.put(second.name, second);
                url += ",http://127.0.0.1:" + second.port;
            }
            config.put("casebook.gateway.routes." + service + ".url", url);
        }
        // The gateway fetches the key set from "auth-service" over HTTP, as it does in production (where a
        // token's unknown key id makes it fetch the set again), not from the file.
        String jwks = "http://127.0.0.1:" + standIns.get("auth").port + "/api/auth/jwks";
        config.put("mp.jwt.verify.publickey.location", jwks);
        config.put("%test.mp.jwt.verify.publickey.location", jwks);
        config.put(CONTROL_URL, "http://127.0.0.1:" + listen(0, this::control).actualPort());
        config.putAll(accessChanges());
        return config;
    }

    /** Init arg {@code access-changes=broker} gives the gateway a real broker to follow them on; none otherwise. */
    private Map<String, String> accessChanges() {
        if (!"broker".equals(behaviours.get("access-changes"))) {
            return Map.of("casebook.access.follow", "false");
        }
        Map<String, String> config = new HashMap<>();
        try {
            broker = KafkaBroker.embedded(Files.createTempDirectory("casebook-gateway-kafka"), 0);
            // The gateway logs in as itself; the test writes the changes as the broker's super user.
            broker.clientConfig(KafkaAccounts.make(broker).get(KafkaAccess.GATEWAY))
                    .forEach((key, value) -> config.put("kafka." + key, String.valueOf(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker.adminConfig().forEach((key, value) -> config.put(DevStack.TEST_KAFKA_PREFIX + key, String.valueOf(value)));
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
        if (keyDirectory != null) {
            try (Stream<Path> files = Files.walk(keyDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    /** One stand-in service: its port stays the same while it is taken down and brought back. */
    private final class StandIn {

        final String name;
        final String service;
        final String behaviour;
        final int port;
        final AtomicInteger apiRequests = new AtomicInteger();
        final Set<String> hungUpOnce = ConcurrentHashMap.newKeySet();
        volatile boolean hanging;
        HttpServer server;

        StandIn(String name, String service, String behaviour) {
            this.name = name;
            this.service = service;
            this.behaviour = behaviour;
            switch (behaviour) {
                case "echo", "slow" -> {
                    server = listen(0, this::handle);
                    port = server.actualPort();
                }
                case "unreachable" -> port = portNobodyListensOn();
                default -> throw new IllegalArgumentException("Unknown behaviour " + behaviour);
            }
        }

        synchronized void down() {
            if (server != null) {
                await(server.close());
                server = null;
            }
        }

        synchronized void up() {
            if (server == null) {
                server = listen(port, this::handle);
            }
        }

        private void handle(HttpServerRequest request) {
            // Readiness, documents and the gateway's own key fetches (counted apart) are not the clients' requests.
            if (!request.path().startsWith("/q/") && !request.path().equals("/api/auth/jwks")) {
                apiRequests.incrementAndGet();
            }
            if (hanging) {
                return; // reads the request, never answers
            }
            if (behaviour.equals("slow")) {
                slow(service, request);
            } else {
                echo(request);
            }
        }

        private void echo(HttpServerRequest request) {
            // Like every Casebook service, it echoes the request id it received.
            String requestId = request.getHeader("X-Request-Id");
            if (requestId != null) {
                request.response().putHeader("X-Request-Id", requestId);
            }
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(openapi(service));
            } else if (service.equals("auth") && request.path().equals("/api/auth/jwks")) {
                jwksFetches.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json").end(jwks().encode());
            } else if (request.path().endsWith("/hang-up")
                    || request.path().contains("/hang-up-once/") && hungUpOnce.add(request.path())) {
                request.connection().close();
            } else if (request.path().endsWith("/refuse")) {
                request.response().setStatusCode(401)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .end(REFUSAL);
            } else if (request.path().contains("/refuse-address")) {
                // As auth-service after too many failed logins from one address: every login from it, for a while.
                request.response().setStatusCode(429)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Retry-After", Integer.toString(ADDRESS_REFUSAL_SECONDS))
                        .putHeader(AddressRefusal.HEADER, AddressRefusal.SCOPE)
                        .end(tooManyLogins(request));
            } else if (request.path().contains("/refuse-username")) {
                // As auth-service after too many failures for one username from one address: only that username.
                request.response().setStatusCode(429)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Retry-After", "600")
                        .end(tooManyLogins(request));
            } else if (request.path().endsWith("/cached")) {
                // As a public read of a service: a validator and caching rules, and 304 for a current copy.
                request.response().putHeader("ETag", CACHED_ETAG).putHeader("Cache-Control", "public, max-age=60")
                        .putHeader("Vary", "Accept, Authorization");
                if (CACHED_ETAG.equals(request.getHeader("If-None-Match"))) {
                    request.response().setStatusCode(304).end();
                } else {
                    request.response().putHeader("Content-Type", "application/json").end("{\"cached\":true}");
                }
            } else if (request.path().endsWith("/fail")) {
                request.response().setStatusCode(500)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":500,\"detail\":\"The stand-in failed on purpose\"}");
            } else {
                request.body().onSuccess(body -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Stand-In", service)
                        .putHeader("X-Stand-In-Instance", name)
                        // A service must not state the gateway's limits: the gateway drops this.
                        .putHeader("RateLimit-Limit", "999")
                        .end(received(service, request, body).encode()));
            }
        }
    }

    /** {@code POST /{service}/down|up|hang|serve}, {@code GET /{service}/requests}, {@code POST /auth/keys}, {@code GET /auth/jwks-fetches}. */
    private void control(HttpServerRequest request) {
        String[] path = request.path().substring(1).split("/");
        StandIn standIn = path.length == 2 ? standIns.get(path[0]) : null;
        if (standIn == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> vertx.<String>executeBlocking(() -> {
            switch (path[1]) {
                case "down" -> standIn.down();
                case "up" -> standIn.up();
                case "hang" -> standIn.hanging = true;
                case "serve" -> standIn.hanging = false;
                case "requests" -> {
                    return Integer.toString(standIn.apiRequests.get());
                }
                case "keys" -> {
                    synchronized (publishedKeys) {
                        publishedKeys.add(new JsonObject(body));
                    }
                }
                case "jwks-fetches" -> {
                    return Integer.toString(jwksFetches.get());
                }
                default -> throw new IllegalArgumentException("Unknown control " + path[1]);
            }
            return "";
        }).onComplete(done -> {
            if (done.succeeded()) {
                request.response().end(done.result());
            } else {
                request.response().setStatusCode(400).end(String.valueOf(done.cause()));
            }
        }));
    }

    private JsonObject jwks() {
        try {
            JsonObject set = new JsonObject(Files.readString(keys.jwks()));
            synchronized (publishedKeys) {
                publishedKeys.forEach(key -> set.getJsonArray("keys").add(key));
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpServer listen(int port, Handler<HttpServerRequest> handler) {
        return await(vertx.createHttpServer().requestHandler(handler).listen(port, "127.0.0.1"));
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static String openapi(String service) {
        try (InputStream document = StandInServices.class.getResourceAsStream("/stand-ins/openapi-" + service + ".json")) {
            return new String(document.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void slow(String service, HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().setStatusCode(503).putHeader("Content-Type", "application/json").end("{\"status\":\"DOWN\"}");
        } else {
            request.body().onSuccess(body -> vertx.setTimer(TimeUnit.SECONDS.toMillis(SLOW_ANSWER_SECONDS), timer -> {
                if (!request.response().closed()) {
                    request.response().end(received(service, request, body).encode());
                }
            }));
        }
    }

    private static String tooManyLogins(HttpServerRequest request) {
        return new JsonObject().put("type", "https://casebook.dev/problems/too-many-requests").put("title", "Too Many Requests")
                .put("status", 429).put("detail", "Too many failed logins").put("instance", request.path())
                .put("requestId", request.getHeader("X-Request-Id")).put("stub", true).encode();
    }

    private static JsonObject received(String service, HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        return new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body", body.length() <= 4096 ? body.toString() : null)
                .put("bodyLength", body.length())
                .put("bodySha256", sha256(body));
    }

    static String sha256(Buffer body) {
        return sha256(body.getBytes());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
