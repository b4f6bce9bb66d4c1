package dev.casebook.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.platform.requestid.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a problem straight onto a Vert.x response, for answers given outside JAX-RS: unknown paths,
 * oversized bodies, and everything the gateway says on its own behalf.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext ctx, ProblemException problem) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String requestId = ctx.request().getHeader(RequestIds.HEADER);
        String body;
        try {
            body = json.writeValueAsString(problem.toProblem(ctx.request().path(), requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
        if (!ctx.response().headWritten()) {
            ctx.response().setStatusCode(problem.status());
            ctx.response().headers()
                    .set("Content-Type", Problem.MEDIA_TYPE)
                    .set(RequestIds.HEADER, requestId == null ? "" : requestId);
            problem.headers().forEach(ctx.response()::putHeader);
        }
        ctx.response().end(body);
    }

    public void send(RoutingContext ctx, int status) {
        send(ctx, new ProblemException(status, StandardDetails.forStatus(status, ctx.request())));
    }
}
