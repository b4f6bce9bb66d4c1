package dev.casebook.auth.domain;

import dev.casebook.auth.config.TokenSettings;
import dev.casebook.auth.security.AccessTokens;
import dev.casebook.auth.security.RefreshTokenSecrets;
import dev.casebook.auth.security.SealedPairs;
import dev.casebook.platform.access.AccessChange;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.domain.Unauthenticated;
import dev.casebook.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
     * around: the whole family is revoked, and that revocation is kept although the answer is a refusal. Except for
     * the same {@code client} (its address and User-Agent) within the grace window: two tabs refreshing at once, or a
     * retry of a refresh whose answer was lost, get the pair the first refresh got. The row lock makes a concurrent
     * second refresh wait for the first, then find that pair.
     */
    @Transactional(dontRollbackOn = Unauthenticated.class)
    public Tokens refresh(String refreshToken, String client) {
        Instant now = Instant.now();
        RefreshToken token = RefreshToken.findByHashForUpdate(RefreshTokenSecrets.hash(refreshToken));
        if (token == null || token.revokedAt != null || !token.expiresAt.isAfter(now)) {
            throw refused();
        }
        String usedBy = RefreshTokenSecrets.hash(client);
        if (token.usedAt != null) {
            Optional<Tokens> again = givenAgain(token, refreshToken, usedBy, now);
            if (again.isPresent()) {
                return again.get();
            }
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
        token.usedBy = usedBy;
        Tokens next = issue(user, token.familyId, now);
        token.successorSealed = SealedPairs.seal(refreshToken, token.id.toString(), encode(next));
        return next;
    }

    /** The pair {@code token} was traded for, for the client that traded it, within the grace window. */
    private Optional<Tokens> givenAgain(RefreshToken token, String secret, String usedBy, Instant now) {
        if (!usedBy.equals(token.usedBy) || now.isAfter(token.usedAt.plus(settings.refreshReuseGrace()))) {
            return Optional.empty();
        }
        long elapsed = Duration.between(token.usedAt, now).toSeconds();
        return SealedPairs.open(secret, token.id.toString(), token.successorSealed).map(pair -> decode(pair, elapsed));
    }

    private static byte[] encode(Tokens tokens) {
        // Neither a JWT nor a base64url secret holds a line break.
        return (tokens.accessToken() + "\n" + tokens.refreshToken() + "\n" + tokens.expiresInSeconds()).getBytes(StandardCharsets.UTF_8);
    }

    private static Tokens decode(byte[] pair, long elapsedSeconds) {
        String[] parts = new String(pair, StandardCharsets.UTF_8).split("\n", 3);
        return new Tokens(parts[0], parts[1], Math.max(0, Long.parseLong(parts[2]) - elapsedSeconds));
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
