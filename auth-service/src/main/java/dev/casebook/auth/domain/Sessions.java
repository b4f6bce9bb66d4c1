package dev.casebook.auth.domain;

import dev.casebook.auth.config.TokenSettings;
import dev.casebook.auth.security.AccessTokens;
import dev.casebook.auth.security.RefreshTokenSecrets;
import dev.casebook.platform.access.AccessChange;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.domain.Unauthenticated;
import dev.casebook.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A session is a family of refresh tokens, opened by a login, rotated by every refresh, closed by logout. */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private final AccessTokens accessTokens;
    private final TokenSettings settings;
    private final AccessRevocations revocations;

    public Sessions(AccessTokens accessTokens, TokenSettings settings, AccessRevocations revocations) {
        this.accessTokens = accessTokens;
        this.settings = settings;
        this.revocations = revocations;
    }

    /** Starts a new family for {@code user}; runs in the caller's transaction. */
    Tokens open(User user, Instant now) {
        RefreshToken.purgeExpiredBefore(now.minus(Duration.ofDays(1)));
        return issue(user, UUID.randomUUID(), now);
    }

    /**
     * Uses up {@code refreshToken} and returns the next pair. A token that was already used means a copy is
     * around: the whole family is revoked, and that revocation is kept although the answer is a refusal.
     */
    @Transactional(dontRollbackOn = Unauthenticated.class)
    public Tokens refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken token = RefreshToken.findByHashForUpdate(RefreshTokenSecrets.hash(refreshToken));
        if (token == null || token.revokedAt != null || !token.expiresAt.isAfter(now)) {
            throw refused();
        }
        if (token.usedAt != null) {
            int revoked = RefreshToken.revokeFamily(token.familyId, now);
            LOG.warnf("A used refresh token of user %s came back; its session (family %s) is revoked, %d tokens",
                    token.userId, token.familyId, revoked);
            throw refused();
        }
        User user = User.findById(token.userId);
        if (user == null || !user.enabled) {
            RefreshToken.revokeFamily(token.familyId, now);
            throw refused();
        }
        token.usedAt = now;
        return issue(user, token.familyId, now);
    }

    /** Ends the session {@code refreshToken} belongs to. Unknown tokens are ignored: there is nothing to end. */
    @Transactional
    public void close(String refreshToken) {
        RefreshToken token = RefreshToken.findByHash(RefreshTokenSecrets.hash(refreshToken));
        if (token != null) {
            RefreshToken.revokeFamily(token.familyId, Instant.now());
        }
    }

    /**
     * Logs {@code userId} out everywhere: every session ends, and every access token already issued stops working
     * (in the gateway and every service, once they have read the change), not only when it expires.
     */
    @Transactional
    public void closeAll(UUID userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw new NotFound("There is no user " + userId);
        }
        Instant now = Instant.now();
        RefreshToken.revokeAllOf(user.id, now);
        revocations.revoke(user, AccessChange.Reason.LOGGED_OUT_EVERYWHERE, now);
    }

    private Tokens issue(User user, UUID familyId, Instant now) {
        String secret = RefreshTokenSecrets.generate();
        RefreshToken.issue(familyId, user.id, RefreshTokenSecrets.hash(secret), now, now.plus(settings.refreshTokenLifetime()))
                .persist();
        AccessTokens.AccessToken access = accessTokens.issue(user.id, user.username,
                user.sortedRoles().stream().map(Role::id).toList(), user.accessVersion, now);
        return new Tokens(access.token(), secret, access.expiresInSeconds());
    }

    private static Unauthenticated refused() {
        return new Unauthenticated( "The refresh token is not valid (unknown, used, revoked or expired); log in again");
    }
}
