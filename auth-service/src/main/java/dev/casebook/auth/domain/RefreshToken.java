package dev.casebook.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token, known here only by the SHA-256 of its secret. Tokens of one login form a family: refreshing
 * uses one up and adds the next, so a used token coming back means someone holds a copy.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** SHA-256 of the address and User-Agent of the client that used it up. */
    @Column(name = "used_by")
    public String usedBy;

    /** The pair it was traded for, sealed for its holder (security.SealedPairs). */
    @Column(name = "successor_sealed")
    public byte[] successorSealed;

    public static RefreshToken issue(UUID familyId, UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = userId;
        token.tokenHash = tokenHash;
        token.issuedAt = now;
        token.expiresAt = expiresAt;
        return token;
    }

    /** Locked, so that two refreshes with one token cannot both succeed. */
    public static RefreshToken findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public static RefreshToken findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public static int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public static int revokeAllOf(UUID userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }

    /** Expired tokens can never be accepted again; a day's grace keeps them for looking into a reuse. */
    public static long purgeExpiredBefore(Instant before) {
        return delete("expiresAt < ?1", before);
    }
}
