package dev.casebook.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives each service its part of the API: {@code /api/auth} and everything below it go to auth, and so on.
 * Nothing else is routed, so unknown paths still reach the platform's catch-all and get a 404 problem.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    // After Quarkus's filters (request id, body size limit), well before the platform's catch-all
    // at Integer.MAX_VALUE.
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final Downstreams downstreams;
    private final Forwarder forwarder;

    public GatewayRoutes(Downstreams downstreams, Forwarder forwarder) {
        this.downstreams = downstreams;
        this.forwarder = forwarder;
    }

    void register(@Observes Router router) {
        for (Downstream downstream : downstreams.all()) {
            // Vert.x matches /api/auth/* for /api/auth itself too, and not for /api/authority.
            router.route(downstream.prefix() + "/*").order(ORDER).handler(ctx -> forwarder.forward(ctx, downstream));
            LOG.infof("%s and below go to %s at %s (timeout %d ms)", downstream.prefix(), downstream.name(),
                    downstream.url(), downstream.timeout().toMillis());
        }
    }
}
