package dev.casebook.gateway.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of an access token, what {@link VerifiedTokens} keeps instead of the token: a heap dump or a debugger
 * shows no credential anyone could send. Four longs compare and hash faster than the token's string, and take 32
 * bytes rather than a kilobyte.
 */
record TokenHash(long first, long second, long third, long fourth) {

    static TokenHash of(String token) {
        ByteBuffer digest = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
        return new TokenHash(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHash[…]"; // of no use in a log line
    }
}
