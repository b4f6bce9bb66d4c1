package dev.casebook.auth.domain;

import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refused logins, by reason only: a username in a label would be unbounded, and would tell who is being guessed at.
 * Registered at start with 0, so a rate over them is right from the first refusal.
 */
@ApplicationScoped
@Startup
public class LoginMeters {

    private final Counter badCredentials;
    private final Counter paused;

    public LoginMeters(CasebookMeters meters) {
        this.badCredentials = meters.counter(MeterNames.LOGINS_REFUSED, "reason", "bad-credentials");
        this.paused = meters.counter(MeterNames.LOGINS_REFUSED, "reason", "paused");
    }

    void badCredentials() {
        badCredentials.increment();
    }

    /** Too many failed logins for the username: refused without checking the password. */
    void paused() {
        paused.increment();
    }
}
