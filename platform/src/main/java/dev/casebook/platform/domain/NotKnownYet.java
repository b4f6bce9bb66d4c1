package dev.casebook.platform.domain;

import java.time.Duration;

/**
 * Something this service learns of from another one's events has not arrived yet: asking again soon will work.
 * An HTTP caller is told when to retry; an event is retried.
 */
public final class NotKnownYet extends RetryLater {

    public NotKnownYet(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
