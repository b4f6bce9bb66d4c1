package dev.casebook.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.casebook.platform.access.AccessVersions;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens the gateway has verified, so that the next request with the same token skips the RS256 check, as
 * Envoy's jwt_authn does. Kept by {@link TokenHash}, at most {@code max-size} of them (Caffeine drops the least used
 * first), each no longer than its token's {@code exp}. What a token says about its user's access is not kept as a
 * verdict: the caller asks the access versions again at every hit, so a revocation holds at the next request.
 */
final class VerifiedTokens {

    /** What the gateway needs of a verified token: whose it is, at which access version, until when. */
    record Verified(String subject, long accessVersion, Instant expiresAt) {

        static Verified of(JsonWebToken token) {
            return new Verified(token.getSubject(), AccessVersions.versionOf(token), Instant.ofEpochSecond(token.getExpirationTime()));
        }
    }

    private final Cache<TokenHash, Verified> cache;
    private final Clock clock;

    VerifiedTokens(long maxSize, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((TokenHash hash, Verified verified) -> lifeOf(verified)))
                // Evictions run on the thread that added the entry, right after it (an event loop; they are O(1)):
                // the size stays at the bound instead of waiting for a pool thread on a busy machine.
                .executor(Runnable::run)
                .build();
    }

    /** The token hashed to {@code hash}, if it was verified before and has not expired since; null otherwise. */
    Verified find(TokenHash hash) {
        Verified verified = cache.getIfPresent(hash);
        if (verified != null && !clock.instant().isBefore(verified.expiresAt())) {
            cache.invalidate(hash); // expired: whoever sends it again is verified afresh, and refused
            return null;
        }
        return verified;
    }

    /** Keeps a token that has just passed every check, unless it expires at once. */
    void remember(TokenHash hash, Verified verified) {
        if (verified.subject() != null && clock.instant().isBefore(verified.expiresAt())) {
            cache.put(hash, verified);
        }
    }

    /** Drops a token that no longer holds: it takes no room until its expiry. */
    void forget(TokenHash hash) {
        cache.invalidate(hash);
    }

    /** How many tokens are kept now. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Duration lifeOf(Verified verified) {
        Duration left = Duration.between(clock.instant(), verified.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
