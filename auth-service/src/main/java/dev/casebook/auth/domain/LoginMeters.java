package dev.casebook.auth.domain;

import dev.casebook.platform.domain.Busy;
import dev.casebook.platform.domain.TooManyAttempts;
import dev.casebook.platform.domain.Unauthenticated;
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
    private final Counter busy;

    public LoginMeters(CasebookMeters meters) {
        this.badCredentials = meters.counter(MeterNames.LOGINS_REFUSED, "reason", "bad-credentials");
        this.paused = meters.counter(MeterNames.LOGINS_REFUSED, "reason", "paused");
        this.busy = meters.counter(MeterNames.LOGINS_REFUSED, "reason", "busy");
    }

    /**
     * Counts a refused login: a wrong password or unknown user ({@code bad-credentials}), an address that failed or
     * asked too often ({@code paused}: refused without checking the password), or no room to check it ({@code busy}).
     */
    void refused(Throwable refusal) {
        if (refusal instanceof Unauthenticated) {
            badCredentials.increment();
        } else if (refusal instanceof TooManyAttempts) {
            paused.increment();
        } else if (refusal instanceof Busy) {
            busy.increment();
        }
    }
}
