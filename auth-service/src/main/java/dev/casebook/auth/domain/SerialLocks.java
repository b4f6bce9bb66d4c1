package dev.casebook.auth.domain;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks held until the end of the transaction, so that checks and the writes that follow
 * them cannot interleave, also across instances of the service.
 */
final class SerialLocks {

    // The two-integer form keeps these apart from the one-bigint locks the platform's outbox relay takes.
    private static final int LOGIN_ATTEMPTS = 0x4c4f47; // per username
    private static final int ADMINS = 0x41444d;         // changes that could leave no admin

    private SerialLocks() {
    }

    static void loginAttemptsOf(String usernameKey) {
        lock(LOGIN_ATTEMPTS, usernameKey.hashCode()); // String.hashCode is specified, so equal on every instance
    }

    static void admins() {
        lock(ADMINS, 0);
    }

    private static void lock(int kind, int key) {
        Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:kind, :key)")
                .setParameter("kind", kind)
                .setParameter("key", key)
                .getSingleResult();
    }
}
