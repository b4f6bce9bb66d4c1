package dev.casebook.platform.domain;

import java.time.Duration;

/** A refusal that lifts by itself: asking again after {@link #retryAfter()} may work. */
public abstract sealed class RetryLater extends DomainException permits NotKnownYet, TooManyAttempts, Busy {

    private final Duration retryAfter;

    protected RetryLater(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
