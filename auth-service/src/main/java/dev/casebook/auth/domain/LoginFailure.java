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

/** A failed login for a username as sent (whether or not such a user exists), for throttling across instances. */
@Entity
@Table(name = "login_failures")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "username_key")
    public String usernameKey;

    @Column(name = "failed_at")
    public Instant failedAt;

    public static void record(String usernameKey, Instant at) {
        LoginFailure failure = new LoginFailure();
        failure.usernameKey = usernameKey;
        failure.failedAt = at;
        failure.persist();
    }

    /** The latest failures since {@code since}, newest first, at most {@code limit} of them. */
    public static List<Instant> latestSince(String usernameKey, Instant since, int limit) {
        return getEntityManager()
                .createQuery("select f.failedAt from LoginFailure f where f.usernameKey = :key and f.failedAt > :since"
                        + " order by f.failedAt desc", Instant.class)
                .setParameter("key", usernameKey)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    public static void forget(String usernameKey) {
        delete("usernameKey", usernameKey);
    }

    public static void purgeBefore(Instant before) {
        delete("failedAt < ?1", before);
    }
}
