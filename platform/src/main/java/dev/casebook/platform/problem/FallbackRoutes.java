package dev.casebook.platform.problem;

import dev.casebook.platform.observability.UriTemplates;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Answers what no resource answered (unknown paths, errors raised by Vert.x itself) as problems too. */
@ApplicationScoped
public class FallbackRoutes {

    private static final Logger LOG = Logger.getLogger(FallbackRoutes.class);
    private static final int[] STATUSES = {400, 404, 405, 413, 415, 500};

    private final ProblemWriter problems;

    public FallbackRoutes(ProblemWriter problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            UriTemplates.name(ctx, UriTemplates.UNMATCHED); // one series for every unknown path
            problems.send(ctx, 404);
        });
        for (int status : STATUSES) {
            router.errorHandler(status, ctx -> {
                if (status >= 500 && ctx.failure() != null) {
                    LOG.errorf(ctx.failure(), "Request %s %s failed", ctx.request().method(), ctx.request().path());
                }
                problems.send(ctx, status);
            });
        }
    }
}
