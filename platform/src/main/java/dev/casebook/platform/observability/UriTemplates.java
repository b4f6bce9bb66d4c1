package dev.casebook.platform.observability;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Names the route template a request is counted under in {@code http.server.requests} ({@code uri}), for routes that
 * are not REST resources: the gateway's routes and the platform's catch-all. Without it Quarkus counts such a request
 * under its raw path, and every case study id or unknown path would become a series of its own. The key and the
 * request's context are where Quarkus REST puts its own templates and the Micrometer binder reads them.
 */
public final class UriTemplates {

    private static final String KEY = "UrlPathTemplate";

    /** The one {@code uri} of every path no route answers (a 404). */
    public static final String UNMATCHED = "/{unmatched}";

    private UriTemplates() {
    }

    public static void name(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(KEY, template);
        }
    }
}
