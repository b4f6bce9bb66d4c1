package dev.casebook.auth.domain;

import dev.casebook.auth.config.AccountSettings;

import java.time.Duration;

/** How long a login waits before its password is checked: doubling with the username's recent failures, capped. */
record LoginDelays(Duration base, Duration max) {

    static LoginDelays of(AccountSettings.Login settings) {
        return new LoginDelays(settings.delayBase(), settings.maxDelay());
    }

    /** The wait after {@code failures} recent failed logins for the username, from any address. */
    Duration after(int failures) {
        if (failures <= 0 || base.isZero()) {
            return Duration.ZERO;
        }
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /** Failures beyond this many change nothing: the delay is at its cap. */
    int failuresThatReachTheCap() {
        if (base.isZero()) {
            return 1;
        }
        int failures = 1;
        while (after(failures).compareTo(max) < 0 && failures < 64) {
            failures++;
        }
        return failures;
    }
}
