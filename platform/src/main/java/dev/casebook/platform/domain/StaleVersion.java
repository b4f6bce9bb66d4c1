package dev.casebook.platform.domain;

/** The caller changed something from a version that is no longer the current one. */
public final class StaleVersion extends DomainException {

    public StaleVersion(String message) {
        super(message);
    }
}
