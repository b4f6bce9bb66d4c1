package dev.casebook.auth.security;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The pair a refresh token was traded for, sealed so that only that token's holder can open it: AES-256-GCM under a
 * key derived from the token's secret (SHA-256 with a label of its own, so the key is never the token's stored hash),
 * bound to the token's row. The secret is 256 random bits, so a hash derives a key as well as a KDF would.
 */
public final class SealedPairs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] LABEL = "casebook refresh successor v1\n".getBytes(StandardCharsets.UTF_8);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedPairs() {
    }

    /** {@code iv || ciphertext+tag} of {@code pair}, for the token {@code secret} of the row {@code rowId}. */
    public static byte[] seal(String secret, String rowId, byte[] pair) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, rowId, iv);
            byte[] sealed = cipher.doFinal(pair);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The pair, or empty when {@code sealed} was not sealed for this secret and row. */
    public static Optional<byte[]> open(String secret, String rowId, byte[] sealed) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, rowId, Arrays.copyOf(sealed, IV_BYTES));
            return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (AEADBadTagException wrongKey) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Cipher cipher(int mode, String secret, String rowId, byte[] iv) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(LABEL);
        byte[] key = sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
