package dev.casebook.platform.domain;

import java.time.Duration;

/**
 * The service has no room for this work right now (its bounded capacity for it is in use), through no fault of
 * the caller: asking again after {@link #retryAfter()} may work.
 */
public final class Busy extends RetryLater {

    public Busy(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
