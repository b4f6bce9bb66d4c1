package dev.casebook.platform.domain;

import java.time.Duration;

/** The caller tried too often, such as failed logins for one username; it may try again after a while. */
public final class TooManyAttempts extends RetryLater {

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
