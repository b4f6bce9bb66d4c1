package dev.casebook.platform.domain;

import java.time.Duration;

/** The caller tried too often, such as failed logins for one username; it may try again after a while. */
public final class TooManyAttempts extends DomainException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
