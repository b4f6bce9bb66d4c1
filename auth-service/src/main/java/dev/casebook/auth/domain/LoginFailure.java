package dev.casebook.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A failed login for a username as sent (whether or not such a user exists) from a client address, in the database
 * so that throttling holds across instances. Rows from before addresses were kept have none.
 */
@Entity
@Table(name = "login_failures")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "username_key")
    public String usernameKey;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "failed_at")
    public Instant failedAt;

    static long record(String usernameKey, ClientAddress address, Instant at) {
        LoginFailure failure = new LoginFailure();
        failure.usernameKey = usernameKey;
        failure.clientAddress = address.key();
        failure.failedAt = at;
        failure.persistAndFlush();
        return failure.id;
    }

    /** The latest failures for the username from the address since {@code since}, newest first, at most {@code limit}. */
    static List<Instant> latestOf(String usernameKey, ClientAddress address, Instant since, int limit) {
        return getEntityManager()
                .createQuery("select f.failedAt from LoginFailure f where f.usernameKey = :key and f.clientAddress = :address"
                        + " and f.failedAt > :since order by f.failedAt desc", Instant.class)
                .setParameter("key", usernameKey)
                .setParameter("address", address.key())
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The latest failures from the address since {@code since}, whatever the username, newest first, at most {@code limit}. */
    static List<Instant> latestFrom(ClientAddress address, Instant since, int limit) {
        return getEntityManager()
                .createQuery("select f.failedAt from LoginFailure f where f.clientAddress = :address and f.failedAt > :since"
                        + " order by f.failedAt desc", Instant.class)
                .setParameter("address", address.key())
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Failures for the username since {@code since} from any address, counted up to {@code limit}. */
    static int countOf(String usernameKey, Instant since, int limit) {
        return getEntityManager()
                .createQuery("select f.id from LoginFailure f where f.usernameKey = :key and f.failedAt > :since", Long.class)
                .setParameter("key", usernameKey)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList()
                .size();
    }

    static void forget(String usernameKey, ClientAddress address) {
        delete("usernameKey = ?1 and clientAddress = ?2", usernameKey, address.key());
    }

    static void withdraw(long id) {
        deleteById(id);
    }

    static void purgeBefore(Instant before) {
        delete("failedAt < ?1", before);
    }
}
