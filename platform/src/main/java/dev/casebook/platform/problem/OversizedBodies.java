package dev.casebook.platform.problem;

import dev.casebook.platform.http.HttpSettings;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body whose declared length is over the limit with a problem, before Vert.x would refuse it
 * with an empty 413. The connection is closed so that the unread body is not taken for the next request.
 */
@ApplicationScoped
public class OversizedBodies {

    // Just after the request id filter, before anything reads the body.
    private static final int PRIORITY = Integer.MAX_VALUE - 20;

    private final long limit;
    private final ProblemWriter problems;

    public OversizedBodies(HttpSettings settings, ProblemWriter problems) {
        this.limit = settings.maxBodySize().asLongValue();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                problems.send(ctx, new ProblemException(413,
                        "The body has " + declared + " bytes; the limit is " + limit + " bytes"));
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
