package dev.casebook.gateway.ratelimit;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.problem.ProblemWriter;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the gateway's own 429s, each after {@code refusal-pause}: a client told to wait that asks again at once
 * (a flood of logins from one address, a script without backoff) is slowed to one answer per connection per pause,
 * on a timer, so refusing it costs next to nothing while every other route keeps its cores. The refusal itself is
 * decided before the pause; no more than {@code max-paused-refusals} wait at once, so the pause cannot grow into a
 * pile of held requests.
 */
@ApplicationScoped
public class Refusals {

    private final ProblemWriter problems;
    private final Vertx vertx;
    private final long pauseMillis;
    private final int maxPaused;
    private final AtomicInteger paused = new AtomicInteger();

    public Refusals(GatewayConfig config, ProblemWriter problems, Vertx vertx) {
        this.problems = problems;
        this.vertx = vertx;
        this.pauseMillis = config.rateLimit().refusalPause().toMillis();
        this.maxPaused = config.rateLimit().maxPausedRefusals();
    }

    void send(RoutingContext ctx, ProblemException refusal) {
        if (pauseMillis <= 0 || paused.incrementAndGet() > maxPaused) {
            if (pauseMillis > 0) {
                paused.decrementAndGet();
            }
            problems.send(ctx, refusal);
            return;
        }
        // On the request's own event loop; a client that hung up meanwhile is not written to (ProblemWriter checks).
        vertx.setTimer(pauseMillis, timer -> {
            paused.decrementAndGet();
            problems.send(ctx, refusal);
        });
    }

    /** Refusals waiting out their pause now. */
    int paused() {
        return paused.get();
    }
}
