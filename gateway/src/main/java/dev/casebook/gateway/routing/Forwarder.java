package dev.casebook.gateway.routing;

import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.problem.ProblemWriter;
import dev.casebook.platform.requestid.RequestIds;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Forwards one client request to its service and the service's answer back to the client, unchanged
 * and as streams: neither body is held in memory. When the service cannot answer, the gateway answers
 * for it with a problem.
 *
 * <p>This uses vertx-http-proxy's {@link ProxyRequest} directly rather than its {@code HttpProxy}
 * handler: that one answers failures itself, with an empty 502, where the gateway owes the client a
 * problem written by {@link ProblemWriter}, which needs the routing context.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Downstreams downstreams;
    private final ProblemWriter problems;

    public Forwarder(Downstreams downstreams, ProblemWriter problems) {
        this.downstreams = downstreams;
        this.problems = problems;
    }

    void forward(RoutingContext ctx, Downstream downstream) {
        // Headers are copied here, after the request id filter: the service sees the id the client gets back.
        ProxyRequest request = ProxyRequest.reverseProxy(ctx.request());
        // The service gets the path the gateway routed on: a '..' cannot lead it outside its prefix.
        String query = ctx.request().query();
        request.setURI(query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query);

        downstreams.open(downstream, downstream.timeout())
                .compose(request::send)
                .onSuccess(response -> {
                    // The gateway's response already carries this request's id; one copy is enough.
                    response.headers().remove(RequestIds.HEADER);
                    // If the service fails mid-body, the proxy resets both connections: the client
                    // sees a broken answer rather than a truncated one that looks complete.
                    response.send().onFailure(failure -> LOG.debugf("Answer of %s to %s %s broke off: %s",
                            downstream.name(), ctx.request().method(), ctx.request().path(), failure.getMessage()));
                })
                .onFailure(failure -> {
                    request.release(); // drain what is left of the client's body
                    answerFor(ctx, downstream, failure);
                });
    }

    private void answerFor(RoutingContext ctx, Downstream downstream, Throwable failure) {
        ProblemException problem = ServiceFailures.toProblem(downstream, failure);
        if (problem.status() == 502) {
            LOG.errorf(failure, "%s %s: %s", ctx.request().method(), ctx.request().path(), problem.getMessage());
        } else {
            LOG.warnf("%s %s: %s (%s)", ctx.request().method(), ctx.request().path(), problem.getMessage(), failure.getMessage());
        }
        problems.send(ctx, problem);
    }
}
