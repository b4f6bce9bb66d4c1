package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.ratelimit.RateLimits;
import dev.casebook.gateway.ratelimit.RefusedAddresses;
import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.problem.ProblemWriter;
import dev.casebook.platform.requestid.RequestIds;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.MultiMap;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Forwards one client request to its service and the service's answer back to the client, unchanged
 * and as streams: neither body is held in memory. When the service cannot answer, or its circuit breaker
 * is open, the gateway answers for it with a problem.
 *
 * <p>This uses vertx-http-proxy's {@link ProxyRequest} directly rather than its {@code HttpProxy}
 * handler: that one answers failures itself, with an empty 502, where the gateway owes the client a
 * problem written by {@link ProblemWriter}, which needs the routing context.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Downstreams downstreams;
    private final CircuitBreakers breakers;
    private final ProblemWriter problems;
    private final PublicAddress publicAddress;
    private final TextMapPropagator traceContext;
    private final RefusedAddresses refusedAddresses;

    public Forwarder(Downstreams downstreams, CircuitBreakers breakers, ProblemWriter problems, GatewayConfig config,
                     OpenTelemetry openTelemetry, RefusedAddresses refusedAddresses) {
        this.refusedAddresses = refusedAddresses;
        this.traceContext = openTelemetry.getPropagators().getTextMapPropagator();
        this.downstreams = downstreams;
        this.breakers = breakers;
        this.problems = problems;
        this.publicAddress = PublicAddress.of(config);
    }

    void forward(RoutingContext ctx, Downstream downstream) {
        // Headers are copied here, after the request id filter: the service sees the id the client gets back.
        ProxyRequest request = ProxyRequest.reverseProxy(ctx.request());
        ForwardedHeaders.rewrite(request.headers(), ctx.request(), publicAddress);
        // The service continues the gateway's span, not the client's, so a trace shows the hop through the gateway.
        traceContext.inject(Context.current(), request.headers(), MultiMap::set);
        // The service gets the path the gateway routed on: a '..' cannot lead it outside its prefix.
        String query = ctx.request().query();
        request.setURI(query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query);

        breakers.call(downstream, () -> send(ctx, downstream, request))
                .onSuccess(response -> {
                    if (ctx.response().ended() || ctx.response().closed()) {
                        response.release(); // the client hung up before the service answered: nobody to answer
                        return;
                    }
                    refusedAddresses.learnFrom(ctx, response.getStatusCode(), response.headers());
                    withoutHeadersTheGatewayOwns(response);
                    // If the service fails mid-body, the proxy resets both connections: the client
                    // sees a broken answer rather than a truncated one that looks complete.
                    response.send().onFailure(failure -> LOG.debugf("Answer of %s to %s %s broke off: %s",
                            downstream.name(), ctx.request().method(), ctx.request().path(), failure.getMessage()));
                })
                .onFailure(failure -> {
                    drain(request);
                    answerFor(ctx, downstream, failure);
                });
    }

    /** Drains what is left of the client's body, if anything is: HTTP/2 requests may already be read. */
    private static void drain(ProxyRequest request) {
        try {
            request.release();
        } catch (IllegalStateException alreadyRead) {
            LOG.debugf("Client body already read: %s", alreadyRead.getMessage());
        }
    }

    /** Up to the service's answer head: what the circuit breaker judges. */
    private Future<ProxyResponse> send(RoutingContext ctx, Downstream downstream, ProxyRequest request) {
        return attempt(downstream, request)
                .recover(failure -> {
                    if (ctx.response().closed() || !StaleConnections.mayResend(failure, ctx.request())) {
                        return Future.failedFuture(failure);
                    }
                    LOG.debugf("%s %s: sent again on a new connection to %s (%s)", ctx.request().method(),
                            ctx.request().path(), downstream.name(), failure.getMessage());
                    StaleConnections.prepareResend(failure, request);
                    return attempt(downstream, request);
                })
                .recover(failure -> Future.failedFuture(ctx.response().closed() ? new ClientWentAway(failure) : failure));
    }

    private Future<ProxyResponse> attempt(Downstream downstream, ProxyRequest request) {
        return downstreams.open(downstream, downstream.timeout()).compose(request::send);
    }

    private static void withoutHeadersTheGatewayOwns(ProxyResponse response) {
        // The gateway's response already carries this request's id; one copy is enough. Rate limits and
        // CORS are the gateway's to state, once.
        response.headers().remove(RequestIds.HEADER);
        response.headers().names().stream()
                .filter(name -> RateLimits.isRateLimitHeader(name) || name.regionMatches(true, 0, "Access-Control-", 0, 15))
                .toList()
                .forEach(response.headers()::remove);
    }

    private void answerFor(RoutingContext ctx, Downstream downstream, Throwable failure) {
        if (failure instanceof ClientWentAway) {
            LOG.debugf("%s %s: %s", ctx.request().method(), ctx.request().path(), failure.getMessage());
            return;
        }
        ProblemException problem = ServiceFailures.toProblem(downstream, failure, breakers.openFor());
        if (problem.status() == 502) {
            LOG.errorf(failure, "%s %s: %s", ctx.request().method(), ctx.request().path(), problem.getMessage());
        } else if (failure instanceof OpenCircuitException) {
            LOG.debugf("%s %s: %s (circuit open)", ctx.request().method(), ctx.request().path(), problem.getMessage());
        } else {
            LOG.warnf("%s %s: %s (%s)", ctx.request().method(), ctx.request().path(), problem.getMessage(), failure.getMessage());
        }
        problems.send(ctx, problem);
    }
}
