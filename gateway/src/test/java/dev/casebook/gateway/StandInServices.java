package dev.casebook.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Small real HTTP servers standing in for the services behind the gateway, one per route, each
 * behaving as its init argument says:
 * <ul>
 *   <li>{@code echo}: answers every request with what it received (service, method, path, query,
 *       headers, body), {@code .../refuse} with a 401 problem of its own, {@code .../hang-up} by
 *       closing the connection, echoes the request id as Casebook services do, and is ready;</li>
 *   <li>{@code slow}: answers the API only after {@link #SLOW_ANSWER_SECONDS} s, and says it is not ready;</li>
 *   <li>{@code unreachable}: nothing listens on its port.</li>
 * </ul>
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static final String[] SERVICES = {"auth", "case-studies", "metrics"};
    static final int SLOW_ANSWER_SECONDS = 10;
    static final String REFUSAL = "{\"type\":\"https://casebook.dev/problems/unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"The token has expired\",\"instance\":\"/api/auth/refuse\",\"stub\":true}";

    private final Map<String, String> behaviours = new HashMap<>();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        behaviours.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            String behaviour = behaviours.getOrDefault(service, "echo");
            int port = switch (behaviour) {
                case "echo" -> listen(request -> echo(service, request));
                case "slow" -> listen(request -> slow(service, request));
                case "unreachable" -> portNobodyListensOn();
                default -> throw new IllegalArgumentException("Unknown behaviour " + behaviour);
            };
            config.put("casebook.gateway.routes." + service + ".url", "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(Handler<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(handler);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static void echo(String service, HttpServerRequest request) {
        // Like every Casebook service, it echoes the request id it received.
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            request.response().putHeader("X-Request-Id", requestId);
        }
        if (request.path().equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (request.path().endsWith("/hang-up")) {
            request.connection().close();
        } else if (request.path().endsWith("/refuse")) {
            request.response().setStatusCode(401)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .end(REFUSAL);
        } else {
            request.body().onSuccess(body -> request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stand-In", service)
                    .end(received(service, request, body).encode()));
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
