package dev.casebook.platform.database;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks held until the end of the current transaction, so that a check and the write that
 * follows it cannot interleave with another request's, also across instances of a service. Each service names its
 * kinds of lock; the two-integer form keeps them apart from the one-bigint locks the platform's outbox relay takes.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /** Waits for, then holds until the transaction ends, the lock of {@code kind} for {@code key}. */
    public static void hold(int kind, String key) {
        hold(kind, key.hashCode()); // String.hashCode is specified, so the same on every instance
    }

    public static void hold(int kind, int key) {
        Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:kind, :key)")
                .setParameter("kind", kind)
                .setParameter("key", key)
                .getSingleResult();
    }
}
