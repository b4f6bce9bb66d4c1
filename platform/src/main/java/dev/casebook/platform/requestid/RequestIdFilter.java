package dev.casebook.platform.requestid;

import dev.casebook.platform.security.Callers;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id before anything else sees it. The id is written back onto the
 * request itself, so resources, error mappers and the gateway's proxy all read the same value.
 */
@ApplicationScoped
public class RequestIdFilter {

    // Runs before any other filter, so even the earliest error carries the id.
    private static final int PRIORITY = Integer.MAX_VALUE - 10;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
            ctx.request().headers().set(RequestIds.HEADER, id);
            ctx.response().headers().set(RequestIds.HEADER, id);
            RequestIds.use(id);
            MDC.remove(Callers.USER_LOG_KEY); // set again once this request's caller is known
            ctx.next();
        }, PRIORITY);
    }
}
