package dev.casebook.platform.idempotency;

/**
 * A request body with a secret in it, such as a new user's password. What an {@code Idempotency-Key} remembers of a
 * request is a SHA-256 of it, and a fast hash of a password can be guessed from: such a body is remembered without
 * its secrets, so a repeat that differs only in a secret counts as the same request.
 */
public interface HoldsSecrets {

    /** This body with every secret left out (null). */
    Object withoutSecrets();
}
