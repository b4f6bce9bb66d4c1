package dev.casebook.platform.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * The startup probe ({@code /q/health/started}): UP once every start-up step of the process has run (the first
 * migration attempt among them). It never waits for the database or Kafka: a startup probe that fails long enough
 * gets the process killed, and a service whose database is away waits for it unready instead (readiness).
 */
@ApplicationScoped
@Startup
public class StartupFinished implements HealthCheck {

    public static final String CHECK = "started";

    private volatile boolean finished;

    // After every other observer of the start: the highest priority value runs last.
    void finished(@Observes @Priority(Integer.MAX_VALUE) StartupEvent started) {
        finished = true;
    }

    @Override
    public HealthCheckResponse call() {
        return finished ? HealthCheckResponse.up(CHECK) : HealthCheckResponse.down(CHECK);
    }
}
