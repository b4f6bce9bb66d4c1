package dev.casebook.gateway.routing;

import dev.casebook.gateway.ratelimit.RateLimits;
import dev.casebook.gateway.ratelimit.RefusedAddresses;
import dev.casebook.gateway.security.Admission;
import dev.casebook.gateway.security.BearerTokens;
import dev.casebook.platform.observability.UriTemplates;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives each service its part of the API: {@code /api/auth} and everything below it go to auth, and so on.
 * Nothing else is routed, so unknown paths still reach the platform's catch-all and get a 404 problem.
 *
 * <p>Each request passes, in this order: its bearer token is checked, the rate limit counts it (by user
 * when the token is good, else by address), admission turns it away if it needs a token it does not
 * have, and only then is it forwarded, unless the service refused its address there a moment ago
 * ({@link RefusedAddresses}).
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    // After Quarkus's filters (request id, body size limit, CORS), well before the platform's catch-all
    // at Integer.MAX_VALUE.
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final Downstreams downstreams;
    private final BearerTokens bearerTokens;
    private final RateLimits rateLimits;
    private final RefusedAddresses refusedAddresses;
    private final Admission admission;
    private final Forwarder forwarder;

    public GatewayRoutes(Downstreams downstreams, BearerTokens bearerTokens, RateLimits rateLimits,
                         RefusedAddresses refusedAddresses, Admission admission, Forwarder forwarder) {
        this.downstreams = downstreams;
        this.bearerTokens = bearerTokens;
        this.rateLimits = rateLimits;
        this.refusedAddresses = refusedAddresses;
        this.admission = admission;
        this.forwarder = forwarder;
    }

    void register(@Observes Router router) {
        for (Downstream downstream : downstreams.all()) {
            // Vert.x matches /api/auth/* for /api/auth itself too, and not for /api/authority.
            String template = downstream.prefix() + "/*";
            router.route(template).order(ORDER)
                    // Counted per route: the services count per resource template, the gateway cannot know theirs,
                    // and a raw path (with its ids) would be a series per case study.
                    .handler(ctx -> {
                        UriTemplates.name(ctx, template);
                        ctx.next();
                    })
                    .handler(bearerTokens)
                    .handler(rateLimits.forRoute(downstream.name()))
                    .handler(refusedAddresses.forRoute(downstream.name()))
                    .handler(admission)
                    .handler(ctx -> forwarder.forward(ctx, downstream));
            LOG.infof("%s and below go to %s at %s (timeout %d ms)", downstream.prefix(), downstream.name(),
                    downstream.url(), downstream.timeout().toMillis());
        }
    }
}
