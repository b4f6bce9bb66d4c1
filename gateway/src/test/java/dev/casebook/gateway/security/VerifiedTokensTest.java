package dev.casebook.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's cache of verified tokens on its own: kept by hash, never past the token's expiry, never above its bound. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void aRememberedTokenIsFoundByItsHashAgain() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        VerifiedTokens.Verified verified = verified(NOW.plusSeconds(900));
        tokens.remember(TokenHash.of("header.claims.signature"), verified);

        assertEquals(verified, tokens.find(TokenHash.of("header.claims.signature")));
    }

    @Test
    void aTokenThatDiffersInOneCharacterHasAnotherHashAndIsNotFound() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember(TokenHash.of("header.claims.signature"), verified(NOW.plusSeconds(900)));

        assertNotEquals(TokenHash.of("header.claims.signature"), TokenHash.of("header.claims.signaturf"));
        assertNull(tokens.find(TokenHash.of("header.claims.signaturf")));
        assertNull(tokens.find(TokenHash.of("header.claims.signatur\u00e9")));
    }

    @Test
    void aTokenIsNotFoundOnceItHasExpiredThoughItWasRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        TokenHash hash = TokenHash.of("expires-in-a-minute");
        tokens.remember(hash, verified(NOW.plusSeconds(60)));

        clock.now = NOW.plusSeconds(59);
        assertEquals(NOW.plusSeconds(60), tokens.find(hash).expiresAt());
        clock.now = NOW.plusSeconds(60);
        assertNull(tokens.find(hash));
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenAlreadyExpiredIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        // Verified within the clock skew the signature check allows: it is checked afresh every time.
        tokens.remember(TokenHash.of("expired-a-second-ago"), verified(NOW.minusSeconds(1)));

        assertNull(tokens.find(TokenHash.of("expired-a-second-ago")));
        assertEquals(0, tokens.size());
    }

    @Test
    void neverMoreThanTheBoundAreKept() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        IntStream.range(0, 1_000).forEach(i -> {
            tokens.remember(TokenHash.of("token-" + i), verified(NOW.plusSeconds(900)));
            assertTrue(tokens.size() <= 100, "after " + (i + 1) + ": " + tokens.size());
        });
        assertEquals(100, tokens.size());
    }

    @Test
    void aForgottenTokenIsNotFound() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        TokenHash hash = TokenHash.of("revoked");
        tokens.remember(hash, verified(NOW.plusSeconds(900)));
        tokens.forget(hash);

        assertNull(tokens.find(hash));
    }

    @Test
    void aBoundOfZeroKeepsNothing() {
        VerifiedTokens tokens = new VerifiedTokens(0, clock);
        tokens.remember(TokenHash.of("any"), verified(NOW.plusSeconds(900)));

        assertNull(tokens.find(TokenHash.of("any")));
    }

    @Test
    void theHashNamesNoPartOfTheToken() {
        assertEquals("TokenHash[…]", TokenHash.of("secret-token").toString());
    }

    private static VerifiedTokens.Verified verified(Instant expiresAt) {
        return new VerifiedTokens.Verified(UUID.randomUUID().toString(), 0, expiresAt);
    }

    private static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
