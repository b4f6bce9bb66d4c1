package dev.casebook.platform.domain;

/** The request contradicts the state things are in, such as submitting a case study that is already in review. */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
