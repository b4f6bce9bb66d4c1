package dev.casebook.platform.domain;

/** The caller's credentials are refused: a wrong password, an unknown or used refresh token. */
public final class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(message);
    }
}
