package dev.casebook.gateway.health;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.routing.CircuitBreakers;
import dev.casebook.gateway.routing.Downstream;
import dev.casebook.gateway.routing.DownstreamUnreachable;
import dev.casebook.gateway.routing.Downstreams;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The gateway is ready when every service behind it is: one readiness check per service, each asking
 * the service's own readiness endpoint, without blocking a thread while it waits. Each also shows the
 * state of the gateway's circuit breaker for that service.
 */
@ApplicationScoped
public class DownstreamReadiness {

    private static final String READY = "/q/health/ready";

    private final Downstreams downstreams;
    private final CircuitBreakers breakers;
    private final HealthRegistry readiness;
    private final Duration timeout;

    public DownstreamReadiness(Downstreams downstreams, CircuitBreakers breakers, @Readiness HealthRegistry readiness,
                               GatewayConfig config) {
        this.downstreams = downstreams;
        this.breakers = breakers;
        this.readiness = readiness;
        this.timeout = config.readinessTimeout();
    }

    void register(@Observes StartupEvent event) {
        for (Downstream downstream : downstreams.all()) {
            readiness.register(downstream.name(), (AsyncHealthCheck) () -> probe(downstream));
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
