package dev.casebook.platform.domain;

/** The caller is known but may not do this. */
public final class NotAllowed extends DomainException {

    public NotAllowed(String message) {
        super(message);
    }
}
