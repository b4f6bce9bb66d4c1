package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** The services behind the gateway, as configured, and the one HTTP client that talks to all of them. */
@ApplicationScoped
public class Downstreams {

    // Vert.x allows 5 connections per server by default, far too few for a gateway.
    private static final int CONNECTIONS_PER_SERVICE = 100;
    private static final int KEEP_ALIVE_SECONDS = 2;

    private final List<Downstream> all;
    private final Duration connectTimeout;
    private final HttpClient client;
    private final Instances instances;

    public Downstreams(GatewayConfig config, Vertx vertx) {
        this.all = config.routes().entrySet().stream()
                .map(route -> Downstream.of(route.getKey(), route.getValue()))
                .sorted(Comparator.comparing(Downstream::name))
                .toList();
        this.instances = new Instances(all);
        this.connectTimeout = config.connectTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(CONNECTIONS_PER_SERVICE)
                // The gateway lets go of an idle connection before a stopping service would close it under a request:
                // shorter than the services' shutdown delay (CASEBOOK_SHUTDOWN_DELAY, 5 s).
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS));
    }

    public List<Downstream> all() {
        return all;
    }

    /**
     * Opens a request to one of a service's instances. It fails with {@link DownstreamUnreachable} when no
     * connection could be had; once open, the request fails with a {@link java.util.concurrent.TimeoutException}
     * when the service stays silent for {@code idleTimeout}. An instance that refuses the connection sits out for a
     * while ({@link Instances}).
     */
    public Future<HttpClientRequest> open(Downstream downstream, Duration idleTimeout) {
        return instances.select(downstream).compose(instance -> {
            RequestOptions options = new RequestOptions()
                    .setHost(instance.getHost())
                    .setPort(instance.getPort())
                    .setSsl(downstream.ssl())
                    // Also bounds name resolution and the wait for a free pooled connection.
                    .setConnectTimeout(connectTimeout.toMillis())
                    .setIdleTimeout(idleTimeout.toMillis());
            return client.request(options)
                    .onSuccess(request -> {
                        instances.connected(instance);
                        // A service that is stopping answers with Connection: close while it drains (Quarkus's
                        // shutdown delay): it takes no new requests from here on.
                        request.response().onSuccess(answer -> {
                            if ("close".equalsIgnoreCase(answer.getHeader(HttpHeaders.CONNECTION))) {
                                instances.draining(instance);
                            }
                        });
                    })
                    .recover(failure -> {
                        if (failure instanceof ConnectException) {
                            instances.refused(instance);
                        }
                        return Future.failedFuture(new DownstreamUnreachable(downstream, failure));
                    });
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
