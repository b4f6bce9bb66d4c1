package dev.casebook.platform.database;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks held until the end of the current transaction, so that a check and the write that
 * follows it cannot interleave with another request's, also across instances of a service. Each service names its
 * kinds of lock; the two-integer form keeps them apart from the one-bigint locks of {@link #tryHold}.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /** Waits for, then holds until the transaction ends, the lock of {@code kind} for {@code key}. */
    public static void hold(int kind, String key) {
        hold(kind, key.hashCode()); // String.hashCode is specified, so the same on every instance
    }

    /**
     * Holds, until the transaction ends, the lock named {@code name} if no other transaction holds it, without
     * waiting: for work one instance of a service does at a time (the outbox relay, purges). The name carries the
     * service's, because services share a database and advisory locks are the database's.
     *
     * @return false when another transaction holds it
     */
    public static boolean tryHold(String name) {
        Object held = Panache.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", (long) name.hashCode())
                .getSingleResult();
        return Boolean.TRUE.equals(held);
    }

    public static void hold(int kind, int key) {
        Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:kind, :key)")
                .setParameter("kind", kind)
                .setParameter("key", key)
                .getSingleResult();
    }
}
