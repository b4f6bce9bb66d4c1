package dev.casebook.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Waits without a thread: a timer completes the stage, so a slowed-down login ties up nothing while it waits. */
@ApplicationScoped
public class Pause {

    private final ScheduledExecutorService timers;

    public Pause(ScheduledExecutorService timers) {
        this.timers = timers; // Quarkus's: Vert.x timers, the work then runs on the worker pool
    }

    public CompletionStage<Void> of(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> over = new CompletableFuture<>();
        timers.schedule(() -> over.complete(null), wait.toMillis(), TimeUnit.MILLISECONDS);
        return over;
    }
}
