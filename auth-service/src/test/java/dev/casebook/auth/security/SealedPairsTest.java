package dev.casebook.auth.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedPairsTest {

    private static final byte[] PAIR = "access\nrefresh\n900".getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyTheTokensHolderOpensItsSealForItsRow() {
        String secret = RefreshTokenSecrets.generate();
        String row = UUID.randomUUID().toString();
        byte[] sealed = SealedPairs.seal(secret, row, PAIR);

        assertArrayEquals(PAIR, SealedPairs.open(secret, row, sealed).orElseThrow());
        assertFalse(SealedPairs.open(RefreshTokenSecrets.generate(), row, sealed).isPresent(), "another token's secret");
        assertFalse(SealedPairs.open(secret, UUID.randomUUID().toString(), sealed).isPresent(), "another row");
        // The stored hash of the token is not the key either.
        assertFalse(SealedPairs.open(RefreshTokenSecrets.hash(secret), row, sealed).isPresent(), "the token's hash");
    }

    @Test
    void aTamperedSealOpensToNothing() {
        String secret = RefreshTokenSecrets.generate();
        byte[] sealed = SealedPairs.seal(secret, "row", PAIR);
        sealed[sealed.length - 1] ^= 1;
        assertFalse(SealedPairs.open(secret, "row", sealed).isPresent());
        assertFalse(SealedPairs.open(secret, "row", new byte[3]).isPresent());
        assertTrue(new String(SealedPairs.seal(secret, "row", PAIR), StandardCharsets.ISO_8859_1).indexOf("refresh") < 0);
    }
}
