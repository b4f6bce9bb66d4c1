package dev.casebook.platform.domain;

/** What was asked for does not exist, or the caller may not know it does. */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}
