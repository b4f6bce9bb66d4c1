package dev.casebook.gateway.health;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.routing.CircuitBreakers;
import dev.casebook.gateway.routing.Downstream;
import dev.casebook.gateway.routing.DownstreamUnreachable;
import dev.casebook.gateway.routing.Downstreams;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.registry.HealthRegistries;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway sees of the services behind it, in the health group {@value #GROUP}
 * ({@code /q/health/group/downstream}): one check per service, each asking the service's own readiness endpoint,
 * without blocking a thread while it waits, and showing the state of the gateway's circuit breaker for it. Not part
 * of the gateway's readiness: a gateway that is taken out of its Service because one service is not ready would take
 * every route with it; it answers for the others and a 503 problem for that one.
 */
@ApplicationScoped
public class DownstreamHealth {

    /** The health group of the services behind the gateway. */
    public static final String GROUP = "downstream";

    private static final String READY = "/q/health/ready";

    private final Downstreams downstreams;
    private final CircuitBreakers breakers;
    private final HealthRegistry group = HealthRegistries.getHealthGroupRegistry(GROUP);
    private final Duration timeout;

    public DownstreamHealth(Downstreams downstreams, CircuitBreakers breakers, GatewayConfig config) {
        this.downstreams = downstreams;
        this.breakers = breakers;
        this.timeout = config.readinessTimeout();
    }

    void register(@Observes StartupEvent event) {
        for (Downstream downstream : downstreams.all()) {
            group.register(downstream.name(), (AsyncHealthCheck) () -> probe(downstream));
        }
    }

    Uni<HealthCheckResponse> probe(Downstream downstream) {
        Future<HealthCheckResponse> answer = downstreams.open(downstream, timeout)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI(READY).send())
                .compose(response -> response.body().map(ignored -> response))
                .map(response -> respond(downstream, response))
                .otherwise(failure -> down(downstream, reason(failure)));
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private HealthCheckResponse respond(Downstream downstream, HttpClientResponse response) {
        return response.statusCode() == 200
                ? HealthCheckResponse.named(downstream.name()).up()
                        .withData("url", downstream.url())
                        .withData("circuit", breakers.state(downstream))
                        .build()
                : down(downstream, "not ready: its readiness answered " + response.statusCode());
    }

    private HealthCheckResponse down(Downstream downstream, String reason) {
        return HealthCheckResponse.named(downstream.name()).down()
                .withData("url", downstream.url())
                .withData("circuit", breakers.state(downstream))
                .withData("reason", reason)
                .build();
    }

    private String reason(Throwable failure) {
        if (failure instanceof DownstreamUnreachable unreachable) {
            return "not reachable: " + unreachable.reason();
        }
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return "no answer: " + failure.getMessage();
    }
}
