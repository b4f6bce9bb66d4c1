package dev.casebook.platform.domain;

import java.time.Duration;

/** The caller tried too often, such as failed logins for one username; it may try again after a while. */
public final class TooManyAttempts extends RetryLater {

    private final boolean ofTheAddress;

    public TooManyAttempts(String message, Duration retryAfter) {
        this(message, retryAfter, false);
    }

    private TooManyAttempts(String message, Duration retryAfter, boolean ofTheAddress) {
        super(message, retryAfter);
        this.ofTheAddress = ofTheAddress;
    }

    /**
     * Refuses the client's address as a whole, whatever it asks for next on the same route, until
     * {@code retryAfter}: the address is told to keep away that long whatever it sends, so a gateway in front may
     * give the same answer without asking again.
     */
    public static TooManyAttempts ofTheAddress(String message, Duration retryAfter) {
        return new TooManyAttempts(message, retryAfter, true);
    }

    public boolean refusesTheAddress() {
        return ofTheAddress;
    }
}
