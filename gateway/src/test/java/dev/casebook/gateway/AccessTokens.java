package dev.casebook.gateway;

import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import dev.casebook.testing.People;
import dev.casebook.testing.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens for the gateway's tests: good ones signed with the test run's key as auth-service signs
 * them ({@link TestTokens}), and the bad ones an attacker or a buggy client would send.
 */
final class AccessTokens {

    private AccessTokens() {
    }

    /** As auth-service signs them, with the key the auth stand-in publishes. */
    static TestTokens issued() {
        return People.tokens();
    }

    /** A valid token for an author. */
    static String valid() {
        return issued().forUser("11111111-1111-1111-1111-111111111111", "ada", "author");
    }

    static String validFor(String userId) {
        return issued().forUser(userId, "user-" + userId, "viewer");
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Claims as auth-service writes them, with the given issuer and expiry. */
    static String claims(String issuer, Instant expiresAt) {
        return claims(issuer, TestTokens.AUDIENCE, expiresAt);
    }

    /** Claims as auth-service writes them, with the given issuer, audience (null: no {@code aud}) and expiry. */
    static String claims(String issuer, String audience, Instant expiresAt) {
        Instant now = Instant.now();
        String aud = audience == null ? "" : "\"aud\":\"" + audience + "\",";
        return "{\"iss\":\"" + issuer + "\"," + aud + "\"sub\":\"" + UUID.randomUUID() + "\",\"upn\":\"mallory\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    /** Signed RS256 with the test run's real private key, but with whatever header and claims. */
    static String signedWithTheRealKey(String header, String claims) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey(Path.of(Settings.of(SigningKeys.PRIVATE_KEY_FILE))));
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The old confusion attack: HS256 with the (public) RSA key as the shared secret. */
    static String hs256WithThePublicKey(String kid, String claims) {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + encode(claims);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Files.readAllBytes(Path.of(Settings.of(SigningKeys.PUBLIC_KEY_FILE))), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not signed at all. */
    static String unsigned(String claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims) + ".";
    }

    /** The key id the auth stand-in publishes for the test run's key. */
    static String realKid() {
        return issued().keyId();
    }

    private static PrivateKey privateKey(Path pem) throws GeneralSecurityException {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
