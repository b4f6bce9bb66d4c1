package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One circuit breaker per service (vertx-circuit-breaker). After {@code failures} failures in a row the
 * breaker opens: for {@code open-for} the gateway answers 503 without trying to connect, then lets one
 * trial request through (half-open), whose outcome closes or reopens it. Only failures that say the
 * service cannot answer count ({@link ServiceFailures#countsAgainstService}); any answer, 5xx included,
 * is a success: the service is there and said something.
 */
@ApplicationScoped
@Startup // its gauges are on /q/metrics from the start
public class CircuitBreakers {

    private static final Logger LOG = Logger.getLogger(CircuitBreakers.class);

    private final Map<String, CircuitBreaker> breakers = new HashMap<>();
    private final Duration openFor;

    public CircuitBreakers(Downstreams downstreams, GatewayConfig config, Vertx vertx, CasebookMeters meters) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        this.openFor = settings.openFor();
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(settings.failures())
                .setFailuresRollingWindow(Math.max(1000, settings.failureWindow().toMillis()))
                .setResetTimeout(Math.max(1, settings.openFor().toMillis()))
                .setTimeout(-1) // each route's own timeout applies (504), and counts as a failure here
                .setFallbackOnFailure(false)
                .setNotificationAddress(null); // no metrics on the event bus: the log and readiness say enough
        for (Downstream downstream : downstreams.all()) {
            CircuitBreaker breaker = CircuitBreaker.create(downstream.name(), vertx, options)
                    .failurePolicy(attempt -> attempt.failed() && ServiceFailures.countsAgainstService(attempt.cause()))
                    .openHandler(ignored -> LOG.warnf("Circuit to %s is open: answering 503 for it for %d ms",
                            downstream.name(), openFor.toMillis()))
                    .halfOpenHandler(ignored -> LOG.infof("Circuit to %s is half-open: the next request is a trial", downstream.name()))
                    .closeHandler(ignored -> LOG.infof("Circuit to %s is closed again", downstream.name()));
            breakers.put(downstream.name(), breaker);
            // One series per state with 1 for the breaker's state (Prometheus's way for an enum): "open == 1" alerts,
            // and a dashboard shows the state without a legend for numbers. Three states, one per route: bounded.
            for (CircuitBreakerState state : List.of(CircuitBreakerState.CLOSED, CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN)) {
                meters.gauge(MeterNames.GATEWAY_CIRCUIT_STATE, null, breaker, b -> b.state() == state ? 1 : 0,
                        "route", downstream.name(), "state", nameOf(state));
            }
        }
    }

    /** Runs {@code attempt} through the service's breaker; fails with an {@link io.vertx.circuitbreaker.OpenCircuitException} when open. */
    <T> Future<T> call(Downstream downstream, Supplier<Future<T>> attempt) {
        return breakers.get(downstream.name()).execute(promise -> attempt.get().onComplete(promise));
    }

    /** "closed", "open" or "half-open". */
    public String state(Downstream downstream) {
        return nameOf(breakers.get(downstream.name()).state());
    }

    private static String nameOf(CircuitBreakerState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How long an open breaker stays open: what a client is told to wait. */
    Duration openFor() {
        return openFor;
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
    }
}
