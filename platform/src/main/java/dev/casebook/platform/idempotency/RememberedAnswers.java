package dev.casebook.platform.idempotency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code idempotency_key} table of the service's own schema (platform migration V0_3), so that every replica of
 * a service knows every key. Each statement runs in the transaction the caller opened, the write's own.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.database.enabled", stringValue = "true")
class RememberedAnswers {

    /** PostgreSQL's lock_not_available: lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** PostgreSQL's query_canceled: a statement_timeout shorter than the wait ran out first. */
    private static final String QUERY_CANCELED = "57014";

    /** What is known of an earlier request with the same key. */
    record Earlier(String fingerprint, RememberedAnswer answer) {
    }

    /** The earlier request with this key is still being answered, for longer than a repeat waits. */
    static final class StillInFlight extends RuntimeException {
        StillInFlight() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes the key for this request, or finds the earlier request that has it. A key another transaction took and
     * has not committed yet makes the insert wait on the unique key for at most {@code wait}: when that request
     * commits, its answer is found; when it rolls back (it failed, and changed nothing), this one takes the key.
     *
     * @return empty when the key is now this request's
     */
    Optional<Earlier> claim(String caller, String key, String fingerprint, Duration wait, Instant forgottenBefore) {
        EntityManager em = Panache.getEntityManager();
        // A key older than the retention that the purge has not reached yet is forgotten all the same.
        em.createNativeQuery("DELETE FROM idempotency_key WHERE caller_id = :caller AND idempotency_key = :key AND created_at < :before")
                .setParameter("caller", caller).setParameter("key", key)
                .setParameter("before", OffsetDateTime.ofInstant(forgottenBefore, ZoneOffset.UTC))
                .executeUpdate();
        Object previous = em.createNativeQuery("SELECT current_setting('lock_timeout')").getSingleResult();
        setLockTimeout(em, Math.max(1, wait.toMillis()) + "ms");
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO idempotency_key (caller_id, idempotency_key, fingerprint) "
                            + "VALUES (:caller, :key, :fingerprint) ON CONFLICT (caller_id, idempotency_key) DO NOTHING")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("fingerprint", fingerprint)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isTimeout(e)) {
                throw new StillInFlight();
            }
            throw e;
        }
        setLockTimeout(em, String.valueOf(previous)); // the write's own locks wait as they always did
        if (inserted == 1) {
            return Optional.empty();
        }
        return find(em, caller, key);
    }

    private static Optional<Earlier> find(EntityManager em, String caller, String key) {
        List<?> rows = em.createNativeQuery("SELECT fingerprint, status, content_type, location, etag, body "
                        + "FROM idempotency_key WHERE caller_id = :caller AND idempotency_key = :key")
                .setParameter("caller", caller).setParameter("key", key)
                .getResultList();
        if (rows.isEmpty()) {
            throw new StillInFlight(); // taken and let go again between the two statements: a retry will tell
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Earlier((String) row[0], new RememberedAnswer(((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4], (byte[]) row[5])));
    }

    /** Stores the answer with the key, in the write's transaction: both commit, or neither does. */
    void remember(String caller, String key, RememberedAnswer answer) {
        Panache.getEntityManager().createNativeQuery("UPDATE idempotency_key SET status = :status, content_type = :type, "
                        + "location = :location, etag = :etag, body = :body WHERE caller_id = :caller AND idempotency_key = :key")
                .setParameter("status", answer.status()).setParameter("type", answer.contentType())
                .setParameter("location", answer.location()).setParameter("etag", answer.etag())
                .setParameter("body", answer.body() == null ? new byte[0] : answer.body())
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }

    /** Lets go of a key whose request was not a success, so that a retry runs again. */
    void forget(String caller, String key) {
        Panache.getEntityManager().createNativeQuery("DELETE FROM idempotency_key WHERE caller_id = :caller AND idempotency_key = :key")
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code batch} keys created before {@code before}, oldest first; keys being taken at this moment
     * are skipped, never waited for.
     */
    int purge(Instant before, int batch) {
        return Panache.getEntityManager().createNativeQuery("DELETE FROM idempotency_key WHERE (caller_id, idempotency_key) IN ("
                        + "SELECT caller_id, idempotency_key FROM idempotency_key WHERE created_at < :before "
                        + "ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)")
                .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setParameter("batch", batch)
                .executeUpdate();
    }

    private static void setLockTimeout(EntityManager em, String value) {
        em.createNativeQuery("SELECT set_config('lock_timeout', :value, true)").setParameter("value", value).getSingleResult();
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) || QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
